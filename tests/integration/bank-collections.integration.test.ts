// Bank collection files (银行代收, Art. 28-29) against PostgreSQL: a bank's file imported by an
// officer, its lines matched to leases and settled through settleReceipt (the oldest debt first, late
// fees by lateFeeFen); the same file, or the same serial number, settling once however often and
// however many at once; unmatched lines kept with their reason and resolved once; every list and
// action within the officer's district.
import { beforeEach, describe, expect, it } from "vitest";
import { lateFeeFen } from "@/lib/rules/rent";
import { runBilling } from "@/lib/tenancy/billing";
import { bankReference, getCollectionFile, importCollectionFile, listCollectionFiles, resolveCollectionLine } from "@/lib/tenancy/bank-collections";
import { cstInstant } from "../support/clock";
import { failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate } from "./tenancy-fixtures";

const START = "2026-03-02";
const PAID_ON = "2026-04-20";
const AT = cstInstant("2026-04-21", "09:00");
const HEADER = "流水号,合同编号,户名,金额(元),扣款日期";
const UNKNOWN = "ZL-500103-2026-999999";

function csv(...rows: string[]): Uint8Array {
  return new TextEncoder().encode([HEADER, ...rows].join("\n") + "\n");
}

function upload(bytes: Uint8Array, fileName = "代收-20260421.csv") {
  return { bankCode: "CQRCB" as const, collectionDate: "2026-04-21", fileName, bytes };
}

async function bills(leaseId: string) {
  return prisma.bill.findMany({ where: { leaseId }, orderBy: { periodStart: "asc" }, select: { paidFen: true, status: true } });
}

async function counts() {
  return { files: await prisma.bankCollectionFile.count(), lines: await prisma.bankCollectionLine.count(), receipts: await prisma.rentReceipt.count(), payments: await prisma.payment.count(), fees: await prisma.lateFee.count() };
}

describe("bank collection files (Art. 28-29)", () => {
  let cast: Cast;
  let lease: { leaseId: string; leaseNo: string };

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    const estate = await tenancyEstate("BC-001", 1);
    const offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    lease = await leaseInForce(cast.yz1, offer, { startDate: START, termMonths: 12, at: cstInstant(START, "10:00") });
    // Two bills: March's (due 03-11) and April's (due 04-11), 1,200 yuan each.
    await runBilling({ month: "2026-04", now: cstInstant("2026-04-01") });
  });

  it("matches lines to leases and settles the oldest debt first; keeps the rest unmatched with their reason", async () => {
    const bytes = csv(
      `B001,${lease.leaseNo},郑凯,1500.00,${PAID_ON}`,
      `B002,${UNKNOWN},王五,300,${PAID_ON}`,
      `B003,${lease.leaseNo},郑凯,9999.99,${PAID_ON}`,
      `B004,${lease.leaseNo},郑凯,abc,${PAID_ON}`,
      `B001,${lease.leaseNo},郑凯,1500.00,${PAID_ON}`,
    );
    const result = await importCollectionFile(cast.yz1, upload(bytes), { now: AT });
    expect(result.created).toBe(true);
    const file = await prisma.bankCollectionFile.findUniqueOrThrow({ where: { id: result.fileId } });
    expect(file).toMatchObject({ districtCode: "500103", lineCount: 5, matchedCount: 1, unmatchedCount: 3, duplicateCount: 1, matchedFen: 150_000n, unmatchedFen: 30_000n + 999_999n });
    const lines = await prisma.bankCollectionLine.findMany({ where: { fileId: result.fileId }, orderBy: { lineNo: "asc" }, select: { lineNo: true, status: true, reason: true, problemColumn: true, problemKey: true, payerNameMasked: true } });
    expect(lines).toEqual([
      { lineNo: 2, status: "MATCHED", reason: null, problemColumn: null, problemKey: null, payerNameMasked: "郑*" },
      { lineNo: 3, status: "UNMATCHED", reason: "UNKNOWN_LEASE", problemColumn: null, problemKey: null, payerNameMasked: "王*" },
      { lineNo: 4, status: "UNMATCHED", reason: "AMOUNT_ABOVE_DUE", problemColumn: null, problemKey: null, payerNameMasked: "郑*" },
      { lineNo: 5, status: "UNMATCHED", reason: "MALFORMED", problemColumn: "金额(元)", problemKey: "collections.problems.amount_invalid", payerNameMasked: "郑*" },
      { lineNo: 6, status: "DUPLICATE", reason: null, problemColumn: null, problemKey: null, payerNameMasked: "郑*" },
    ]);
    // Paid 2026-04-20: March's rent and its 40 days' fee first (lateFeeFen), then part of April's rent.
    const marchFee = lateFeeFen(120_000, "2026-03-11", PAID_ON);
    expect(marchFee).toBe(2_400);
    expect((await bills(lease.leaseId)).map((b) => [b.paidFen, b.status])).toEqual([[120_000, "PAID"], [150_000 - 120_000 - marchFee, "PARTIALLY_PAID"]]);
    const receipt = await prisma.rentReceipt.findFirstOrThrow({ select: { method: true, reference: true, amountFen: true, paidOn: true, leaseId: true, recordedById: true } });
    expect(receipt).toEqual({ method: "BANK_TRANSFER", reference: bankReference("CQRCB", "B001"), amountFen: 150_000, paidOn: new Date(`${PAID_ON}T00:00:00.000Z`), leaseId: lease.leaseId, recordedById: cast.yz1.id });
    expect(await prisma.auditLog.count({ where: { action: "payment.bankCollection.import", entityId: result.fileId } })).toBe(1);

    // The page's view: totals by status and a filter.
    const view = (await getCollectionFile(cast.yz1, result.fileId, { status: "UNMATCHED" }))!;
    expect(view.byStatus).toEqual({ MATCHED: 1, UNMATCHED: 3, DUPLICATE: 1, RESOLVED: 0 });
    expect(view.lines.rows.map((l) => l.lineNo)).toEqual([3, 4, 5]);
    expect(view.canResolve).toBe(true);
  });

  it("changes nothing when the same file is imported again, or five times at once", async () => {
    const bytes = csv(`B001,${lease.leaseNo},郑凯,1200,${PAID_ON}`, `B002,${UNKNOWN},王五,300,${PAID_ON}`);
    const sent = await Promise.all(Array.from({ length: 5 }, () => importCollectionFile(cast.yz1, upload(bytes), { now: AT })));
    expect(new Set(sent.map((s) => s.fileId)).size).toBe(1);
    expect(sent.filter((s) => s.created)).toHaveLength(1);
    const after = await counts();
    expect(after).toMatchObject({ files: 1, lines: 2, receipts: 1 });
    // Again later, under another name, by another officer of the district: the same import.
    expect(await importCollectionFile(cast.yz2, upload(bytes, "again.csv"), { now: AT })).toEqual({ fileId: sent[0]!.fileId, created: false });
    expect(await counts()).toEqual(after);
  });

  it("settles a serial number once across files, also when two files carrying it are imported at once", async () => {
    const first = csv(`B001,${lease.leaseNo},郑凯,100,${PAID_ON}`);
    const second = csv(`B001,${lease.leaseNo},郑凯,100,${PAID_ON}`, `B002,${lease.leaseNo},郑凯,200,${PAID_ON}`);
    const third = csv(`B002,${lease.leaseNo},郑凯,200,${PAID_ON}`, `B003,${lease.leaseNo},郑凯,50,${PAID_ON}`);
    await importCollectionFile(cast.yz1, upload(first), { now: AT });
    const [a, b] = await Promise.all([importCollectionFile(cast.yz1, upload(second), { now: AT }), importCollectionFile(cast.yz2, upload(third), { now: AT })]);
    expect(a.created && b.created).toBe(true);
    const receipts = await prisma.rentReceipt.findMany({ orderBy: { reference: "asc" }, select: { reference: true, amountFen: true } });
    expect(receipts).toEqual([
      { reference: bankReference("CQRCB", "B001"), amountFen: 10_000 },
      { reference: bankReference("CQRCB", "B002"), amountFen: 20_000 },
      { reference: bankReference("CQRCB", "B003"), amountFen: 5_000 },
    ]);
    const statuses = await prisma.bankCollectionLine.findMany({ where: { serialNo: "B002" }, select: { status: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["DUPLICATE", "MATCHED"]);
    // Rent and the late fees its lateness brings, the oldest debt first: 350 yuan in all, once.
    expect((await prisma.payment.aggregate({ _sum: { amountFen: true } }))._sum.amountFen).toBe(35_000);
    // The same serial number from another bank is another payment.
    const other = await importCollectionFile(cast.yz1, { ...upload(first), bankCode: "ICBC" }, { now: AT });
    expect((await prisma.bankCollectionLine.findFirstOrThrow({ where: { fileId: other.fileId } })).status).toBe("MATCHED");
  });

  it("keeps files and lines to the officer's district; a municipal officer reaches the city", async () => {
    const bytes = csv(`S001,${lease.leaseNo},郑凯,100,${PAID_ON}`);
    // A Shapingba officer's file cannot settle a Yuzhong lease.
    const spbFile = await importCollectionFile(cast.spb, upload(bytes), { now: AT });
    expect(await prisma.bankCollectionLine.findFirstOrThrow({ where: { fileId: spbFile.fileId }, select: { status: true, reason: true } })).toEqual({ status: "UNMATCHED", reason: "LEASE_OUT_OF_DISTRICT" });
    expect(await prisma.rentReceipt.count()).toBe(0);
    const yzFile = await importCollectionFile(cast.yz1, upload(csv(`Y001,${lease.leaseNo},郑凯,100,${PAID_ON}`)), { now: AT });
    expect((await listCollectionFiles(cast.yz1, {})).rows.map((f) => f.id)).toEqual([yzFile.fileId]);
    expect((await listCollectionFiles(cast.spb, {})).rows.map((f) => f.id)).toEqual([spbFile.fileId]);
    expect((await listCollectionFiles(cast.city, {})).total).toBe(2);
    expect(await getCollectionFile(cast.spb, yzFile.fileId, {})).toBeNull();
    expect(await getCollectionFile(cast.city, yzFile.fileId, {})).not.toBeNull();
    expect((await listCollectionFiles(cast.applicant, {})).rows).toEqual([]);
    // Search by file name or bank.
    expect((await listCollectionFiles(cast.city, { q: "代收" })).total).toBe(2);
    expect((await listCollectionFiles(cast.city, { q: "icbc" })).total).toBe(0);
    // The Shapingba officer may not resolve a Yuzhong file's line, nor match their own line to a Yuzhong lease.
    const spbLine = await prisma.bankCollectionLine.findFirstOrThrow({ where: { fileId: spbFile.fileId } });
    const yzLine = await prisma.bankCollectionLine.findFirstOrThrow({ where: { fileId: yzFile.fileId } });
    expect((await failure(resolveCollectionLine(cast.spb, { lineId: yzLine.id, resolution: "RETURNED_TO_BANK", note: "退回" }, { now: AT }))).code).toBe("NOT_FOUND");
    expect((await failure(resolveCollectionLine(cast.spb, { lineId: spbLine.id, resolution: "MATCHED_TO_LEASE", leaseNo: lease.leaseNo, note: "核对后匹配" }, { now: AT }))).fieldErrors).toEqual({ leaseNo: ["collections.validation.leaseNotFound"] });
    // A municipal officer's file takes every district's leases.
    const cityFile = await importCollectionFile(cast.city, upload(csv(`M001,${lease.leaseNo},郑凯,100,${PAID_ON}`)), { now: AT });
    expect(await prisma.bankCollectionFile.findUniqueOrThrow({ where: { id: cityFile.fileId }, select: { districtCode: true, matchedCount: true } })).toEqual({ districtCode: null, matchedCount: 1 });
    expect(await getCollectionFile(cast.yz1, cityFile.fileId, {})).toBeNull();
    // Applicants and administrators import nothing.
    expect((await failure(importCollectionFile(cast.applicant, upload(csv(`A001,${lease.leaseNo},郑凯,1,${PAID_ON}`)), { now: AT }))).code).toBe("FORBIDDEN");
    expect((await failure(importCollectionFile(cast.admin, upload(csv(`A001,${lease.leaseNo},郑凯,1,${PAID_ON}`)), { now: AT }))).code).toBe("FORBIDDEN");
  });

  it("resolves an unmatched line once: matched to a lease with a note, or returned to the bank", async () => {
    const bytes = csv(`B010,${UNKNOWN},郑凯,1200,${PAID_ON}`, `B011,${UNKNOWN},王五,300,${PAID_ON}`, `B012,${lease.leaseNo},郑凯,,${PAID_ON}`, `B013,${UNKNOWN},郑凯,99999,${PAID_ON}`);
    const { fileId } = await importCollectionFile(cast.yz1, upload(bytes), { now: AT });
    const line = async (serialNo: string) => prisma.bankCollectionLine.findFirstOrThrow({ where: { fileId, serialNo } });
    const matchTo = { resolution: "MATCHED_TO_LEASE" as const, leaseNo: lease.leaseNo, note: "户主来电核实，合同编号填错" };

    // Bad input changes nothing: no note, a lease number that is not one, more than owed.
    const b010 = await line("B010");
    expect((await failure(resolveCollectionLine(cast.yz1, { ...matchTo, lineId: b010.id, note: "" }, { now: AT }))).fieldErrors).toEqual({ note: ["collections.validation.noteRequired"] });
    expect((await failure(resolveCollectionLine(cast.yz1, { ...matchTo, lineId: b010.id, leaseNo: "nope" }, { now: AT }))).fieldErrors).toEqual({ leaseNo: ["collections.validation.leaseNoInvalid"] });
    expect((await failure(resolveCollectionLine(cast.yz1, { ...matchTo, lineId: (await line("B013")).id }, { now: AT }))).fieldErrors).toEqual({ leaseNo: ["collections.validation.amountAboveDue"] });
    expect((await line("B013")).status).toBe("UNMATCHED");
    expect(await prisma.rentReceipt.count()).toBe(0);

    // Three officers at once: one resolution, one receipt.
    const sent = await race([cast.yz1, cast.yz2, cast.yz1].map((officer) => () => resolveCollectionLine(officer, { ...matchTo, lineId: b010.id }, { now: AT })));
    expect(sent.ok).toHaveLength(1);
    expect(sent.errors).toEqual(["CONFLICT", "CONFLICT"]);
    expect(await line("B010")).toMatchObject({ status: "RESOLVED", resolution: "MATCHED_TO_LEASE", leaseId: lease.leaseId, resolutionNote: matchTo.note });
    const receipt = await prisma.rentReceipt.findFirstOrThrow({ select: { reference: true, amountFen: true, leaseId: true } });
    expect(receipt).toEqual({ reference: bankReference("CQRCB", "B010"), amountFen: 120_000, leaseId: lease.leaseId });
    // March's bill is the oldest debt: paid first (its fee too, as far as the money goes).
    expect((await bills(lease.leaseId))[0]!.status).not.toBe("UNPAID");

    // Returned to the bank; a line whose amount cannot be read can only be returned.
    await resolveCollectionLine(cast.yz2, { lineId: (await line("B011")).id, resolution: "RETURNED_TO_BANK", note: "非本中心租户，退回银行" }, { now: AT });
    const b012 = await line("B012");
    expect((await failure(resolveCollectionLine(cast.yz1, { ...matchTo, lineId: b012.id }, { now: AT }))).messageKey).toBe("collections.errors.lineUnreadable");
    await resolveCollectionLine(cast.yz1, { lineId: b012.id, resolution: "RETURNED_TO_BANK", note: "金额缺失，退回银行" }, { now: AT });
    expect((await failure(resolveCollectionLine(cast.yz1, { lineId: b012.id, resolution: "RETURNED_TO_BANK", note: "再次退回" }, { now: AT }))).messageKey).toBe("collections.errors.alreadyResolved");

    const file = await prisma.bankCollectionFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file).toMatchObject({ unmatchedCount: 1, resolvedCount: 3, matchedFen: 120_000n, unmatchedFen: 9_999_900n });
    expect(await prisma.auditLog.count({ where: { action: "payment.bankCollection.resolve" } })).toBe(3);
    expect(await prisma.auditLog.findFirst({ where: { action: "payment.bankCollection.resolve", entityId: b010.id }, select: { reason: true, actorId: true } })).toMatchObject({ reason: matchTo.note });
  });

  it("refuses a file that is not a collection file, or dated in the future, with the reason, writing nothing", async () => {
    const before = await counts();
    const noAmount = new TextEncoder().encode(`流水号,合同编号,扣款日期\nB1,${lease.leaseNo},${PAID_ON}\n`);
    expect(await failure(importCollectionFile(cast.yz1, upload(noAmount), { now: AT }))).toMatchObject({ code: "VALIDATION", messageKey: "collections.fileErrors.missingColumn" });
    expect((await failure(importCollectionFile(cast.yz1, upload(new TextEncoder().encode("%PDF-1.4"), "x.pdf"), { now: AT }))).messageKey).toBe("collections.fileErrors.table.UNSUPPORTED_FILE");
    expect((await failure(importCollectionFile(cast.yz1, upload(csv()), { now: AT }))).messageKey).toBe("collections.fileErrors.noRows");
    expect((await failure(importCollectionFile(cast.yz1, { ...upload(csv(`B1,${lease.leaseNo},郑凯,1,${PAID_ON}`)), collectionDate: "2026-04-22" }, { now: AT }))).fieldErrors).toEqual({ collectionDate: ["collections.validation.dateFuture"] });
    expect((await failure(importCollectionFile(cast.yz1, { ...upload(csv(`B1,${lease.leaseNo},郑凯,1,${PAID_ON}`)), bankCode: "NOPE" as never }, { now: AT }))).code).toBe("VALIDATION");
    expect(await counts()).toEqual(before);
  });
});
