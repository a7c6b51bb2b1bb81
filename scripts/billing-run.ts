// `npm run billing:run [-- YYYY-MM]`: the monthly billing run (Art. 29) against DATABASE_URL, as
// the scheduled job does it: every lease in force gets the bill of the period starting in the
// month, exactly once, however many times and from however many machines it runs.
import { prisma } from "../lib/db/client";
import { runBilling } from "../lib/tenancy/billing";

const month = process.argv[2];
if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
  console.error("用法：npm run billing:run -- [YYYY-MM]\nUsage: npm run billing:run -- [YYYY-MM]");
  process.exit(2);
}
try {
  const result = await runBilling(month ? { month } : {});
  console.log(JSON.stringify(result));
} finally {
  await prisma.$disconnect();
}
