// `npm run keys:rotate [-- --reindex]`: re-encrypts personal data at rest under the first key of DATA_KEYS
// (lib/crypto/rotate.ts, decision 037), against DATABASE_URL and the configured file store.
// Exit codes: 0 done (nothing left under another key); 1 some stored files are missing.
import { rotateKeys } from "../lib/crypto/rotate";
import { prisma } from "../lib/db/client";

try {
  const report = await rotateKeys({ reindex: process.argv.includes("--reindex"), log: (line) => console.error(line) });
  console.log(JSON.stringify(report));
  if (report.documents.missing > 0) {
    console.error(`${report.documents.missing} 个文件缺失 / stored files missing`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
}
