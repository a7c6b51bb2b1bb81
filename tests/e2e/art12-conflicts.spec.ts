// Art. 12 conflicts found at an online submission (decision 036): the applicant is told only that
// the household could not be verified; the district's officers find who and what claims them from
// the review queue, and officers of another district do not.
import { expect, test } from "@playwright/test";
import { e2ePrisma } from "./db";
import { createApplication } from "./review-fixtures";
import { ACCOUNTS, newPage } from "./support";

test("a district's officers see the Art. 12 conflicts of their district's refused submissions, masked, and no other district's", async ({ browser }) => {
  const db = e2ePrisma();
  const draft = await createApplication({ status: "DRAFT", applicantName: "冲突申请人" });
  const other = await createApplication({ status: "SUBMITTED", applicantName: "另一户" });
  await db.art12Conflict.create({
    data: {
      applicationId: draft.id,
      districtCode: "500103",
      members: [{ path: "members.0.residentId", name: "冲突成员", maskedResidentId: "5001**********123X", claimedBy: [{ kind: "application", number: other.applicationNo }] }],
    },
  });

  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff/review");
  await officer.getByRole("link", { name: "第十二条核验冲突" }).click();
  await expect(officer).toHaveURL(/\/staff\/review\/conflicts$/);
  const entry = officer.getByTestId("art12-conflicts").getByRole("listitem").filter({ hasText: "冲突申请人" });
  await expect(entry).toContainText("冲突成员");
  await expect(entry).toContainText("5001**********123X");
  await expect(entry).toContainText(`已在申请 ${other.applicationNo} 中`);

  const elsewhere = await newPage(browser, ACCOUNTS.shapingbaOfficer);
  await elsewhere.goto("/staff/review/conflicts");
  await expect(elsewhere.getByRole("heading", { level: 1, name: "第十二条核验冲突" })).toBeVisible();
  await expect(elsewhere.getByText("申请人：冲突申请人")).toHaveCount(0);
  await expect(elsewhere.getByText("暂无核验冲突")).toBeVisible();
  await officer.context().close();
  await elsewhere.context().close();
});
