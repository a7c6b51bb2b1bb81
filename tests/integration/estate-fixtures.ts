// An estate for an integration test: the columns no test looks at are filled in once, here.
import type { EstateLevel } from "@/lib/generated/prisma/client";
import { prisma } from "./db";

export function createTestEstate(e: {
  code: string;
  districtCode: string;
  level: EstateLevel;
  name?: string;
  ownerName?: string;
  operatorName?: string;
  address?: string;
  isActive?: boolean;
}) {
  return prisma.estate.create({
    data: {
      name: `测试小区 ${e.code}`,
      stockSource: "NEW_CONSTRUCTION",
      investment: "GOVERNMENT",
      ownerName: "市公租房管理局",
      operatorName: "测试运营公司",
      address: "测试地址",
      ...e,
    },
  });
}
