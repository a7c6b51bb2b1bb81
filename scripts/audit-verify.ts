// `npm run audit:verify [-- --from=SEQ] [-- --to=SEQ]`: walks the audit chain of DATABASE_URL
// (docs/decisions/029-tamper-evident-audit.md) and reports the first broken link.
// Exit codes: 0 the chain is whole; 1 a broken link (an edited, deleted or unsealed row); 2 cannot check.
import { prisma } from "../lib/db/client";
import { verifyAuditChain, type ChainBreak } from "../lib/audit-log/verify";

const USAGE = [
  "用法：npm run audit:verify [-- --from=起始序号] [--to=截止序号]",
  "Usage: npm run audit:verify [-- --from=SEQ] [--to=SEQ]",
  "退出码 / Exit codes: 0 链条完整 chain intact; 1 链条断裂 broken link; 2 无法核验 cannot check",
].join("\n");

function seqArg(name: string): bigint | undefined {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  const value = arg.slice(name.length + 3);
  if (!/^[1-9]\d{0,18}$/.test(value)) {
    console.error(USAGE);
    process.exit(2);
  }
  return BigInt(value);
}

const KIND: Record<ChainBreak["kind"], string> = {
  content: "内容被改动：按记录内容重算的哈希与保存的哈希不符 (content edited: recomputed hash differs)",
  link: "链接断开：prevHash 不是前一条记录的哈希 (prev link broken)",
  gap: "缺号：链中缺少记录，可能被删除 (gap: a position is missing)",
  unsealed: "未入链：有记录绕过了入链触发器 (unsealed row)",
};

const known = process.argv.slice(2).filter((a) => !/^--(from|to)=/.test(a));
if (known.length > 0) {
  console.error(USAGE);
  process.exit(2);
}
const fromSeq = seqArg("from");
const toSeq = seqArg("to");

let code = 0;
try {
  const started = Date.now();
  const result = await verifyAuditChain(prisma, {
    fromSeq,
    toSeq,
    onProgress: (n) => {
      if (n % 100_000 === 0 && n > 0) console.error(`… ${n.toLocaleString("en")} 条 / rows`);
    },
  });
  if (result.ok) {
    console.log(
      `审计链完整 / audit chain OK: ${result.checked} 条 rows, seq ${result.firstSeq ?? "-"}…${result.lastSeq ?? "-"}, ` +
        `末条哈希 last hash ${result.lastHash ?? "-"} (${Math.round(Date.now() - started)} ms)`,
    );
  } else {
    const b = result.break!;
    console.log(`审计链断裂 / audit chain BROKEN at seq ${b.seq ?? "-"} (id ${b.id ?? "-"})`);
    console.log(`  ${KIND[b.kind]}`);
    console.log(`  期望 expected: ${b.expected}`);
    console.log(`  实际 found:    ${b.found}`);
    console.log(`  此前已核验 verified before it: ${result.checked} 条 rows`);
    code = 1;
  }
} catch (error) {
  console.error(`无法核验 / cannot check: ${error instanceof Error ? error.message : String(error)}`);
  code = 2;
} finally {
  await prisma.$disconnect();
}
process.exit(code);
