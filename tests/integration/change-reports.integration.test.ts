// Change reports against PostgreSQL (Art. 42): the tenant reports on their own lease, once per form
// however often it is sent; an officer of the district reviews once with the outcome; others cannot.
import { beforeEach, describe, expect, it } from "vitest";
import { changeReportsOf, reportChange, reviewChange } from "@/lib/tenancy/change-reports";
import { cstInstant } from "../support/clock";
import { failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate, type AcceptedOffer } from "./tenancy-fixtures";

const NOW = cstInstant("2026-12-02", "10:00");

describe("change reports (Art. 42)", () => {
  let cast: Cast;
  let offer: AcceptedOffer;
  let lease: { leaseId: string };

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    const estate = await tenancyEstate("CR-001");
    offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    lease = await leaseInForce(cast.yz1, offer, { startDate: "2026-03-02", at: cstInstant("2026-03-02", "10:00") });
  });

  const report = (formKey = "form-key-0001", actor = offer.tenant) =>
    reportChange(actor, { leaseId: lease.leaseId, kind: "INCOME", description: "2026年10月起更换工作，月收入增加到9000元。", formKey }, { now: NOW });

  it("records a report once per form, however often it is sent", async () => {
    const sent = await race(Array.from({ length: 4 }, () => () => report()));
    expect(sent.ok).toHaveLength(4);
    expect(await prisma.changeReport.count()).toBe(1);
    await report("form-key-0002");
    expect((await changeReportsOf(lease.leaseId)).map((r) => r.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
  });

  it("is reviewed once by an officer of the district; nobody else may report or review", async () => {
    expect((await failure(report("form-key-0003", cast.applicant))).code).toBe("NOT_FOUND");
    const { reportId } = await report();
    expect((await failure(reviewChange(cast.spb, { reportId, outcome: "x" }, { now: NOW }))).code).toBe("NOT_FOUND");
    expect((await failure(reviewChange(cast.yz1, { reportId, outcome: " " }, { now: NOW }))).fieldErrors).toEqual({ outcome: ["changes.validation.outcomeRequired"] });
    const reviews = await race(Array.from({ length: 3 }, () => () => reviewChange(cast.yz1, { reportId, outcome: "收入仍在标准以内，租赁继续。" }, { now: NOW })));
    expect(reviews.ok).toHaveLength(1);
    expect(reviews.errors).toEqual(["CONFLICT", "CONFLICT"]);
    const [row] = await changeReportsOf(lease.leaseId);
    expect([row!.status, row!.outcome]).toEqual(["REVIEWED", "收入仍在标准以内，租赁继续。"]);
    expect(await prisma.auditLog.count({ where: { action: "change.review" } })).toBe(1);
  });

  it("refuses bad input and changes nothing", async () => {
    const bad = await failure(reportChange(offer.tenant, { leaseId: lease.leaseId, kind: "SALARY" as never, description: "", formKey: "x" }, { now: NOW }));
    expect(bad.fieldErrors).toEqual({ kind: ["changes.validation.kindRequired"], description: ["changes.validation.descriptionRequired"], formKey: ["changes.validation.formKeyMissing"] });
    expect(await prisma.changeReport.count()).toBe(0);
  });
});
