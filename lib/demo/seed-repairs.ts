import "server-only";
import { prisma } from "@/lib/db/client";
import { submitRepairRequest } from "@/lib/repairs/repairs";
import type { ISODate } from "@/lib/rules/types";

// The demo's repairs (Art. 35): 郑凯, the tenant in 渝中, has reported a leaking pipe this morning;
// the 渝中 officer has it waiting to be assigned. Filed through the service, as the portal does.

export const DEMO_REPAIR_TENANT_PHONE = "13800000011";

export async function seedRepairs(today: ISODate): Promise<void> {
  const tenant = await prisma.user.findUniqueOrThrow({ where: { phone: DEMO_REPAIR_TENANT_PHONE }, select: { id: true, role: true, districtCode: true } });
  await submitRepairRequest(
    tenant,
    { category: "UNIT_FIXTURE", urgency: "NORMAL", description: "厨房水槽下方的水管接口漏水，柜子里已经积水。", preferredVisit: "工作日上午", formKey: "demo-repair-0001" },
    // 09:00 China Standard Time on the demo's day.
    { now: new Date(`${today}T01:00:00.000Z`) },
  );
}
