// The one way tests make resident identity numbers (GB 11643-1999): a 6-digit area code, the birth
// date, a 3-digit sequence code (odd for men, even for women) and the ISO 7064 MOD 11-2 check
// character, computed by the production function (lib/rules/identity.ts). Unit, integration and
// end-to-end tests all import this file; it imports no module that Playwright cannot load.
import { randomInt } from "node:crypto";
import { dateColumn } from "@/lib/clock";
import { CHONGQING_DISTRICTS } from "@/lib/reference/districts";
import { assertISODate } from "@/lib/rules/dates";
import { birthDateFromResidentId, residentIdCheckChar, sexFromResidentId } from "@/lib/rules/identity";
import type { ISODate } from "@/lib/rules/types";
import { YUZHONG } from "./districts";

export type Sex = "M" | "F";

/** 渝中区: the area code of an ID whose test does not name one. */
export const DEFAULT_AREA = YUZHONG;
export const DEFAULT_BIRTH_DATE: ISODate = "1990-01-01";

export interface ResidentIdSpec {
  birthDate?: ISODate;
  /** Defaults to what `sequence` says, or a man. */
  sex?: Sex;
  /** Six digits; defaults to DEFAULT_AREA. */
  area?: string;
  /** The sequence code, 0-999; its parity is the sex. Defaults to 1 for a man, 0 for a woman. */
  sequence?: number;
}

/** A valid 18-character resident ID. Throws a RangeError for an impossible date, area, or a sequence of the other sex. */
export function residentId(spec: ResidentIdSpec = {}): string {
  const { birthDate = DEFAULT_BIRTH_DATE, area = DEFAULT_AREA } = spec;
  assertISODate(birthDate, "birthDate");
  if (!/^\d{6}$/.test(area)) throw new RangeError(`area must be six digits, got ${JSON.stringify(area)}`);
  const sequence = spec.sequence ?? (spec.sex === "F" ? 0 : 1);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError(`sequence must be a whole number from 0 to 999, got ${sequence}`);
  const sexOfSequence: Sex = sequence % 2 === 1 ? "M" : "F";
  if (spec.sex !== undefined && spec.sex !== sexOfSequence) throw new RangeError(`sequence ${sequence} is a ${sexOfSequence === "M" ? "man's" : "woman's"}, not sex ${spec.sex}`);
  const first17 = `${area}${birthDate.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  return first17 + residentIdCheckChar(first17);
}

export type DistinctResidentIdSpec = Omit<ResidentIdSpec, "sequence">;

const SEQUENCES_PER_SEX = 500;
/** The areas of IDs that do not name one: 渝中区 first, then the other districts and counties of Chongqing. */
const AREAS = [DEFAULT_AREA, ...CHONGQING_DISTRICTS.map((d) => d.code).filter((code) => code !== DEFAULT_AREA)];

/** How many distinct IDs there are for one birth date and sex: 500 in a named area, 500 per district otherwise. */
export function distinctResidentIdCount(spec: DistinctResidentIdSpec = {}): number {
  return SEQUENCES_PER_SEX * (spec.area === undefined ? AREAS.length : 1);
}

/**
 * The n-th (from 0) distinct ID for a birth date and sex: different n, different IDs. Without an
 * area, the first 500 are in 渝中区, the next 500 in the next district, and so on.
 */
export function nthResidentId(n: number, spec: DistinctResidentIdSpec = {}): string {
  const count = distinctResidentIdCount(spec);
  if (!Number.isInteger(n) || n < 0 || n >= count) throw new RangeError(`n must be a whole number from 0 to ${count - 1}, got ${n}`);
  const sex = spec.sex ?? "M";
  return residentId({
    ...spec,
    sex,
    area: spec.area ?? AREAS[Math.floor(n / SEQUENCES_PER_SEX)]!,
    sequence: 2 * (n % SEQUENCES_PER_SEX) + (sex === "M" ? 1 : 0),
  });
}

// Fresh IDs start at a random point, so that two processes writing to one database (Playwright's
// desktop and phone projects, or a worker restarted after a failure) do not repeat each other's.
let freshCount = randomInt(0, 2 ** 30);

/**
 * A new ID on every call: for one birth date and sex, any `distinctResidentIdCount(spec)` calls in
 * a row (19,000 without an area, 500 with one) give distinct IDs.
 */
export function freshResidentId(spec: DistinctResidentIdSpec = {}): string {
  return nthResidentId(freshCount++ % distinctResidentIdCount(spec), spec);
}

/** The same first 17 characters with a wrong check character: a number that fails only its checksum. */
export function withWrongCheckChar(id: string): string {
  const first17 = id.slice(0, 17);
  return first17 + (residentIdCheckChar(first17) === "0" ? "1" : "0");
}

/** What a household member row takes from the ID: the ID itself, the sex, and the birth date as a `@db.Date` value. */
export function memberIdentity(id: string): { residentId: string; sex: Sex; birthDate: Date } {
  return { residentId: id, sex: sexFromResidentId(id), birthDate: dateColumn(birthDateFromResidentId(id)) };
}
