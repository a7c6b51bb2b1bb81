import { formatYmd, parseYmd } from "./dates";
import type { ISODate } from "./types";

// GB 11643-1999 citizen identity number: 6-digit area code, 8-digit birth date, 3-digit sequence
// (odd for men), and an ISO 7064 MOD 11-2 check character. Art. 12 and 16 identify each member by it.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function isValidResidentId(id: string): boolean {
  if (typeof id !== "string" || !/^\d{17}[\dXx]$/.test(id)) return false;
  if (parseYmd(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`) === null) return false;
  return residentIdCheckChar(id) === id[17]!.toUpperCase();
}

function assertResidentId(id: string): void {
  if (!isValidResidentId(id)) throw new RangeError("residentId is not a valid 18-character resident identity number");
}

export function birthDateFromResidentId(id: string): ISODate {
  assertResidentId(id);
  return formatYmd(+id.slice(6, 10), +id.slice(10, 12), +id.slice(12, 14));
}

/** The 17th character (the last of the sequence code) is odd for men, even for women. */
export function sexFromResidentId(id: string): "M" | "F" {
  assertResidentId(id);
  return (id.charCodeAt(16) - 48) % 2 === 1 ? "M" : "F";
}

/** "13800138000" → "138****8000": enough to recognise an account in a log or notice, not to harvest numbers. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "***";
}

/** Masks a resident ID for public pages: the first 6 and last 4 characters stay (500106********123X). */
export function maskResidentId(id: string): string {
  if (typeof id !== "string" || id.length < 10) return "*".repeat(typeof id === "string" ? id.length : 0);
  return `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Masks a name for public pages: 张三 -> 张*, 欧阳娜娜 -> 欧***. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join("");
  return chars[0] + "*".repeat(chars.length - 1);
}
