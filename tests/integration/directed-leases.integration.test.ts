// The lease of a directed allocation's nominee (Art. 24-25, decision 032) against PostgreSQL: drawn up
// with the household the officer records (Art. 12 claims and Art. 40 bans checked, nothing written on
// bad input), one lease per nominee however many officers draw it up at once, signed in person before
// an officer (or in the portal once the nominee links an account), countersigned into force, and
// lapsing back to its allocation when not signed in time.
import { beforeEach, describe, expect, it } from "vitest";
import { addNominee, assignNominee, createDirected } from "@/lib/allocation/directed";
import { linkIntakeApplications } from "@/lib/applications/queries";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { findClaimedResidentIds } from "@/lib/applications/household-claims";
import { draftDirectedLease, recordPaperSignature } from "@/lib/tenancy/directed-leases";
import { lapseUnsignedLeases } from "@/lib/tenancy/lease-lapse";
import { leasePdfDocument, leaseSections, type LeaseTerms } from "@/lib/tenancy/lease-terms";
import { countersignLease, signLease } from "@/lib/tenancy/leases";
import { cstInstant, dateColumn } from "../support/clock";
import { freshResidentId } from "../support/resident-id";
import { createUser } from "../support/users";
import { createEstate, failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createApplication, createCast, type Cast } from "./review-fixtures";

// Monday 2026-03-02: 10 working days to sign, to 2026-03-16.
const NOW = cstInstant("2026-03-02", "10:00");
const AFTER = cstInstant("2026-03-17", "00:10");
const PHONE = "13712345678";
const PASSWORD = "Nominee-pass-2026";

describe("directed allocation leases (Art. 24-25)", () => {
  let cast: Cast;
  let allocationId: string;
  let nominee: { id: string; residentId: string; unitId: string };
  let spouseId: string;

  const draft = (actor: Actor, overrides: Record<string, unknown> = {}) =>
    draftDirectedLease(
      actor,
      {
        nomineeId: nominee.id,
        contactPhone: PHONE,
        startDate: "2026-03-10",
        termMonths: 36,
        nomineeIncome: 6_000_000,
        memberName: ["周敏"],
        memberRelationship: ["SPOUSE"],
        memberResidentId: [spouseId],
        memberIncome: [2_000_000],
        ...overrides,
      },
      { now: NOW },
    );

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    const estate = await createEstate("DL-001", { ONE_BEDROOM: 3 });
    ({ allocationId } = await createDirected(
      cast.city,
      { estateId: estate.id, kind: "ENTERPRISE", recipientName: "重庆某智能制造有限公司", basis: "渝中府复〔2026〕12号", unitType: "ONE_BEDROOM", quota: "2", requireNoHome: "on", startDate: "2026-03-01", endDate: "2026-05-31" },
      { now: NOW },
    ));
    const residentId = freshResidentId({ birthDate: "1994-04-04", sex: "M" });
    const added = await addNominee(cast.city, { allocationId, name: "陈晓东", residentId, householdSize: "2", employmentConfirmed: "on" }, { now: NOW });
    const unitId = (await prisma.directedAllocationUnit.findFirstOrThrow({ where: { allocationId }, select: { unitId: true } })).unitId;
    await assignNominee(cast.city, { allocationId, nomineeId: added.nomineeId, unitId }, { now: NOW });
    nominee = { id: added.nomineeId, residentId, unitId };
    spouseId = freshResidentId({ birthDate: "1995-05-05", sex: "F" });
  });

  async function nothingWritten() {
    expect(await prisma.lease.count()).toBe(0);
    expect(await prisma.application.count({ where: { source: "DIRECTED" } })).toBe(0);
  }

  it("refuses bad input and conflicts with a clear error, writing nothing", async () => {
    expect(await failure(draft(cast.spb))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(draft(cast.yz1, { memberName: [], memberRelationship: [], memberResidentId: [], memberIncome: [] }))).toMatchObject({ code: "VALIDATION", messageKey: "tenancy.errors.householdSizeMismatch" });
    expect(await failure(draft(cast.yz1, { memberResidentId: [nominee.residentId] }))).toMatchObject({ fieldErrors: { "memberResidentId.0": ["applications.validation.duplicateResidentId"] } });
    expect(await failure(draft(cast.yz1, { contactPhone: "12345" }))).toMatchObject({ code: "VALIDATION", fieldErrors: { contactPhone: ["validation.phoneInvalid"] } });
    expect(await failure(draft(cast.yz1, { memberIncome: [-1] }))).toMatchObject({ fieldErrors: { "memberIncome.0": ["tenancy.validation.incomeInvalid"] } });
    expect(await failure(draft(cast.yz1, { memberRelationship: ["APPLICANT"] }))).toMatchObject({ fieldErrors: { "memberRelationship.0": ["applications.validation.relationshipRequired"] } });
    expect(await failure(draft(cast.yz1, { startDate: "2026-03-01" }))).toMatchObject({ fieldErrors: { startDate: ["tenancy.validation.startDateInPast"] } });
    expect(await failure(draftDirectedLease(cast.yz1, { nomineeId: "c".repeat(25), contactPhone: PHONE, startDate: "2026-03-10", termMonths: 36, nomineeIncome: 0, memberName: [], memberRelationship: [], memberResidentId: [], memberIncome: [] }, { now: NOW }))).toMatchObject({ code: "NOT_FOUND" });

    // Art. 12: the spouse is on another open application.
    const other = await createApplication({ status: "SUBMITTED" });
    await prisma.householdMember.updateMany({ where: { applicationId: other.id }, data: { residentId: spouseId } });
    expect(await failure(draft(cast.yz1))).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.alreadyHoused", fieldErrors: { "memberResidentId.0": expect.any(Array) } });
    await nothingWritten();
    // Art. 40: a member barred.
    await prisma.householdMember.updateMany({ where: { applicationId: other.id }, data: { residentId: freshResidentId({ birthDate: "1980-01-01", sex: "M" }) } });
    await prisma.ban.create({ data: { residentId: spouseId, bannedFrom: dateColumn("2025-06-01"), bannedUntil: dateColumn("2030-06-01"), reason: "转租公租房" } });
    expect(await failure(draft(cast.yz1))).toMatchObject({ code: "VALIDATION", messageKey: "tenancy.errors.memberBanned", fieldErrors: { "memberResidentId.0": ["tenancy.validation.memberBanned"] } });
    await nothingWritten();
  });

  it("draws up the lease with the household, is signed in person, countersigned into force, and names the enterprise", async () => {
    const { leaseId, leaseNo } = await draft(cast.yz1);
    const lease = await prisma.lease.findUniqueOrThrow({ where: { id: leaseId }, include: { application: { include: { members: { orderBy: { relationship: "asc" } } } } } });
    expect([lease.status, lease.origin, lease.tenantUserId, lease.directedNomineeId, lease.offerId]).toEqual(["PENDING_SIGNATURE", "DIRECTED", null, nominee.id, null]);
    // The rent tier is chosen by the income per head the officer recorded (Art. 27).
    expect(lease.perCapitaIncomeFen).toBe(4_000_000);
    expect([lease.application.source, lease.application.status, lease.application.contactPhone, lease.application.applicantUserId]).toEqual(["DIRECTED", "ALLOCATED", PHONE, null]);
    expect(lease.application.members.map((m) => [m.relationship, m.name, m.annualIncomeFen, m.sex])).toEqual([
      ["APPLICANT", "陈晓东", 6_000_000, "M"],
      ["SPOUSE", "周敏", 2_000_000, "F"],
    ]);
    expect((await findClaimedResidentIds(prisma, [nominee.residentId, spouseId])).size).toBe(2);
    expect(await prisma.notification.count({ where: { applicationId: lease.applicationId, templateKey: "tenancy.directedLeaseDrafted" } })).toBeGreaterThan(0);
    const sections = leaseSections(lease.terms as unknown as LeaseTerms).flatMap((s) => s.paragraphs).join("\n");
    expect(sections).toContain("本房屋系定向配租房屋（第二十四条）：依据渝中府复〔2026〕12号，配租给重庆某智能制造有限公司");
    // Once per nominee.
    expect(await failure(draft(cast.yz1))).toMatchObject({ code: "CONFLICT", messageKey: "tenancy.errors.leaseExists" });

    // The nominee has no account: they sign on paper before an officer of the district, who records it.
    expect(await failure(recordPaperSignature(cast.spb, { leaseId, identityChecked: "on" }, { now: NOW }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(recordPaperSignature(cast.yz1, { leaseId, identityChecked: "" as "on" }, { now: NOW }))).toMatchObject({ fieldErrors: { identityChecked: ["tenancy.validation.identityCheckRequired"] } });
    const signedAt = cstInstant("2026-03-03", "15:30");
    await recordPaperSignature(cast.yz2, { leaseId, identityChecked: "on" }, { now: signedAt });
    expect(await failure(recordPaperSignature(cast.yz2, { leaseId, identityChecked: "on" }, { now: signedAt }))).toMatchObject({ messageKey: "tenancy.errors.leaseIs.AWAITING_COUNTERSIGNATURE" });
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true, signedAt: true, signatureWitnessedById: true } })).toEqual({ status: "AWAITING_COUNTERSIGNATURE", signedAt, signatureWitnessedById: cast.yz2.id });

    await countersignLease(cast.yz1, { leaseId }, { now: signedAt });
    const inForce = await prisma.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true, unit: { select: { status: true } }, application: { select: { status: true } }, _count: { select: { bills: true } } } });
    expect([inForce.status, inForce.unit.status, inForce.application.status]).toEqual(["ACTIVE", "LEASED", "HOUSED"]);
    // The nominee stays assigned to the unit they now rent.
    expect(await prisma.directedNominee.findUniqueOrThrow({ where: { id: nominee.id }, select: { status: true } })).toEqual({ status: "ASSIGNED" });

    // The printed lease says who saw the tenant sign (the PDF route reads the same columns).
    const row = await prisma.lease.findUniqueOrThrow({ where: { leaseNo }, select: { terms: true, signedAt: true, countersignedAt: true, countersignedBy: { select: { name: true } }, signatureWitnessedBy: { select: { name: true } } } });
    const pdf = leasePdfDocument(row.terms as unknown as LeaseTerms, { signedAt: row.signedAt, witnessedBy: row.signatureWitnessedBy?.name ?? null, countersignedAt: row.countersignedAt, countersignedBy: row.countersignedBy?.name ?? null });
    expect(pdf.signatures?.[0]?.value).toBe("陈晓东 于 2026-03-03 15:30 当面签署纸质合同（经办人 渝中复审员 核验身份）");
  });

  it("gives one lease and one household record when five officers draw it up at once", async () => {
    const result = await race(Array.from({ length: 5 }, () => () => draft(cast.yz1)));
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toHaveLength(4);
    expect(await prisma.lease.count({ where: { directedNomineeId: nominee.id } })).toBe(1);
    expect(await prisma.application.count({ where: { source: "DIRECTED" } })).toBe(1);
  });

  it("is signed in the portal by a nominee who links an account, and then nobody records a paper signature for them", async () => {
    const { leaseId } = await draft(cast.yz1);
    const tenant = await createUser("APPLICANT", { phone: PHONE, name: "陈晓东" });
    await prisma.user.update({ where: { id: tenant.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    expect(await linkIntakeApplications(tenant, spouseId)).toBe(0);
    expect(await linkIntakeApplications(tenant, nominee.residentId)).toBe(1);
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { tenantUserId: true } })).toEqual({ tenantUserId: tenant.id });
    expect(await failure(recordPaperSignature(cast.yz1, { leaseId, identityChecked: "on" }, { now: NOW }))).toMatchObject({ messageKey: "tenancy.errors.signsInPortal" });
    await signLease(tenant, { leaseId, password: PASSWORD, agree: "on" }, { now: NOW });
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true, signatureWitnessedById: true } })).toEqual({ status: "AWAITING_COUNTERSIGNATURE", signatureWitnessedById: null });
  });

  it("lapses when not signed in time: the unit goes back to the allocation for another nominee", async () => {
    const { leaseId } = await draft(cast.yz1);
    expect(await failure(recordPaperSignature(cast.yz1, { leaseId, identityChecked: "on" }, { now: AFTER }))).toMatchObject({ messageKey: "tenancy.errors.signingClosed" });
    expect(await lapseUnsignedLeases(AFTER)).toEqual({ lapsed: 1 });
    const lease = await prisma.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true, applicationId: true, application: { select: { status: true } } } });
    expect([lease.status, lease.application.status]).toEqual(["LAPSED", "CANCELLED"]);
    expect(await prisma.directedNominee.findUniqueOrThrow({ where: { id: nominee.id }, select: { status: true } })).toEqual({ status: "WITHDRAWN" });
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: nominee.unitId }, select: { status: true } })).toEqual({ status: "RESERVED" });
    expect(await prisma.notification.count({ where: { applicationId: lease.applicationId, templateKey: "tenancy.directedLeaseLapsed" } })).toBeGreaterThan(0);
    // The people are free again (Art. 12), and the unit can be assigned to another nominee.
    expect((await findClaimedResidentIds(prisma, [nominee.residentId, spouseId])).size).toBe(0);
    const next = await addNominee(cast.city, { allocationId, name: "王芳", residentId: freshResidentId({ birthDate: "1996-06-06", sex: "F" }), householdSize: "1", employmentConfirmed: "on" }, { now: AFTER });
    await assignNominee(cast.city, { allocationId, nomineeId: next.nomineeId, unitId: nominee.unitId }, { now: AFTER });
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: nominee.unitId }, select: { status: true } })).toEqual({ status: "OFFERED" });
  });
});
