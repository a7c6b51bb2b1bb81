import "server-only";
import { cstMinute } from "@/lib/clock";
import { catalogTranslator, messagesFor } from "@/lib/i18n/catalog";
import type { PdfDocument } from "@/lib/pdf/document";
import { formatDm2, formatFen } from "@/lib/money/format";
import type { ISODate } from "@/lib/rules/types";
import { RENT_PAYMENT_DAYS } from "./billing-rules";

// The standard-form lease (Art. 26): what is filled in when the lease is drawn up, frozen on the
// lease as `terms`, and the printed contract built from it in Chinese. The ten parts of Art. 26:
// parties; location, area, structure and fixtures; use; term; rent and payment; repair and safety
// duties; property fees and utilities; breach; termination; dispute resolution.

export interface LeaseTerms {
  version: 1;
  leaseNo: string;
  lessor: { operator: string; owner: string };
  tenant: { name: string; residentIdMasked: string };
  members: { name: string; relationship: string }[];
  premises: {
    estate: string;
    address: string;
    building: string;
    unitNo: string;
    floor: number;
    unitType: string;
    floorAreaDm2: number;
    structure: string | null;
    fixtures: string | null;
  };
  term: { startDate: ISODate; endDate: ISODate; termMonths: number };
  rent: { monthlyRentFen: number; basis: string; standardDocumentNo: string | null; tierName: string | null; paymentDays: number };
  signDueDate: ISODate;
  /** A directed allocation's lease (Art. 24): the enterprise or body the unit was allocated to. */
  directed?: { kind: "ENTERPRISE" | "RESETTLEMENT"; recipient: string; basis: string };
}

export function leaseTermsOf(input: {
  leaseNo: string;
  estate: { name: string; address: string; ownerName: string; operatorName: string };
  unit: { building: string; unitNo: string; floor: number; unitType: string; floorAreaDm2: number; structure: string | null; fixtures: string | null };
  tenant: { name: string; residentIdMasked: string };
  members: { name: string; relationship: string }[];
  startDate: ISODate;
  endDate: ISODate;
  termMonths: number;
  rent: { monthlyRentFen: number; basis: string; standardDocumentNo: string | null; tierName: string | null };
  signDueDate: ISODate;
  directed?: LeaseTerms["directed"];
}): LeaseTerms {
  return {
    version: 1,
    leaseNo: input.leaseNo,
    lessor: { operator: input.estate.operatorName, owner: input.estate.ownerName },
    tenant: input.tenant,
    members: input.members,
    premises: {
      estate: input.estate.name,
      address: input.estate.address,
      building: input.unit.building,
      unitNo: input.unit.unitNo,
      floor: input.unit.floor,
      unitType: input.unit.unitType,
      floorAreaDm2: input.unit.floorAreaDm2,
      structure: input.unit.structure,
      fixtures: input.unit.fixtures,
    },
    term: { startDate: input.startDate, endDate: input.endDate, termMonths: input.termMonths },
    rent: { ...input.rent, paymentDays: RENT_PAYMENT_DAYS },
    signDueDate: input.signDueDate,
    ...(input.directed ? { directed: input.directed } : {}),
  };
}

/** The ten parts of Art. 26, in order: the keys of `tenancy.leaseForm.parts`. */
export const LEASE_PARTS = ["parties", "premises", "use", "term", "rent", "repairs", "fees", "breach", "termination", "disputes"] as const;

export interface LeaseSignatures {
  signedAt: Date | null;
  /** The officer before whom a tenant without a portal account signed the paper lease. */
  witnessedBy?: string | null;
  countersignedAt: Date | null;
  countersignedBy: string | null;
}

/** The contract's text, part by part, in Chinese (the language of the contract). */
export function leaseSections(terms: LeaseTerms): { heading: string; paragraphs: string[] }[] {
  const t = catalogTranslator("zh-CN", "tenancy.leaseForm");
  const types = catalogTranslator("zh-CN", "stock.unitType");
  const relations = catalogTranslator("zh-CN", "tenancy.relationship");
  const bases = catalogTranslator("zh-CN", "tenancy.rentBasis");
  const p = terms.premises;
  const values: Record<string, string | number> = {
    operator: terms.lessor.operator,
    owner: terms.lessor.owner,
    tenant: terms.tenant.name,
    tenantId: terms.tenant.residentIdMasked,
    members: terms.members.filter((m) => m.relationship !== "APPLICANT").map((m) => `${m.name}（${relations(m.relationship)}）`).join("、") || t("noMembers"),
    estate: p.estate,
    address: p.address,
    unit: `${p.building}${p.unitNo}`,
    floor: p.floor,
    unitType: types(p.unitType),
    area: formatDm2(p.floorAreaDm2, "zh-CN"),
    structure: p.structure ?? t("notStated"),
    fixtures: p.fixtures ?? t("notStated"),
    startDate: terms.term.startDate,
    endDate: terms.term.endDate,
    months: terms.term.termMonths,
    rent: formatFen(terms.rent.monthlyRentFen, "zh-CN"),
    basis: bases(terms.rent.basis),
    standard: terms.rent.standardDocumentNo ?? t("unitStandard"),
    tier: terms.rent.tierName ?? t("noTier"),
    paymentDays: terms.rent.paymentDays,
  };
  return LEASE_PARTS.map((part, i) => ({
    heading: t("partHeading", { n: t(`numbers.${i + 1}`), title: t(`parts.${part}.title`) }),
    paragraphs: [
      ...clauseKeys(part).map((k) => t(`parts.${part}.clauses.${k}`, values)),
      // Art. 24: a directed allocation's lease says to whom and on what basis the unit was allocated.
      ...(part === "parties" && terms.directed ? [t(`directed.${terms.directed.kind}`, { recipient: terms.directed.recipient, basis: terms.directed.basis })] : []),
    ],
  }));
}

/** The clauses of a part, in the catalogue's order: adding a clause to the form needs no code. */
function clauseKeys(part: (typeof LEASE_PARTS)[number]): string[] {
  const tenancy = (messagesFor("zh-CN") as unknown as { tenancy: { leaseForm: { parts: Record<string, { clauses?: Record<string, string> }> } } }).tenancy;
  return Object.keys(tenancy.leaseForm.parts[part]?.clauses ?? {});
}

/** The printable contract (PDF) of a lease: its terms, its ten parts, and who signed when. */
export function leasePdfDocument(terms: LeaseTerms, signatures: LeaseSignatures): PdfDocument {
  const t = catalogTranslator("zh-CN", "tenancy.leaseForm");
  return {
    title: t("title"),
    subtitle: t("subtitle", { leaseNo: terms.leaseNo }),
    facts: [
      { label: t("facts.lessor"), value: terms.lessor.operator },
      { label: t("facts.tenant"), value: `${terms.tenant.name}（${terms.tenant.residentIdMasked}）` },
      { label: t("facts.premises"), value: `${terms.premises.estate} ${terms.premises.building}${terms.premises.unitNo}` },
      { label: t("facts.term"), value: t("facts.termValue", { startDate: terms.term.startDate, endDate: terms.term.endDate, months: terms.term.termMonths }) },
      { label: t("facts.rent"), value: t("facts.rentValue", { rent: formatFen(terms.rent.monthlyRentFen, "zh-CN") }) },
    ],
    sections: leaseSections(terms),
    signatures: [
      {
        label: t("signatures.tenant"),
        value: signatures.signedAt
          ? signatures.witnessedBy
            ? t("signatures.signedInPerson", { at: cstMinute(signatures.signedAt), name: terms.tenant.name, witness: signatures.witnessedBy })
            : t("signatures.signedAt", { at: cstMinute(signatures.signedAt), name: terms.tenant.name })
          : t("signatures.notYet"),
      },
      {
        label: t("signatures.lessor"),
        value: signatures.countersignedAt ? t("signatures.countersignedAt", { at: cstMinute(signatures.countersignedAt), name: signatures.countersignedBy ?? "", operator: terms.lessor.operator }) : t("signatures.notYet"),
      },
    ],
    footer: t("footer", { leaseNo: terms.leaseNo }),
    metadata: { author: terms.lessor.operator, subject: t("title") },
  };
}
