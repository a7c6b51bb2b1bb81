import { createHash } from "node:crypto";
import { z } from "zod";
import { parseFen } from "@/lib/money/parse";
import { isValidISODate } from "@/lib/rules/dates";
import { maskName } from "@/lib/rules/identity";
import type { ISODate } from "@/lib/rules/types";
import { readTable, TableError } from "@/lib/shared-data/read-table";
import type { CellValue } from "@/lib/shared-data/values";
import { MAX_PAYMENT_FEN } from "./schemas";

// A bank's collection file (银行代收, Art. 28): one line per rent collected from a payer's
// account. The reader of the shared-data imports (lib/shared-data/read-table.ts) reads it: UTF-8 or
// GB18030 CSV, comma- or tab-separated, or the first sheet of an XLSX; the first row holds the
// headers. The layout (docs/decisions/020-bank-collections.md):
//
//   流水号     the bank's serial number, letters, digits, - and _ (required)
//   合同编号   the lease number the payer's account is bound to, ZL-… (required)
//   户名       the payer's name (kept masked: 张*)
//   金额(元)   yuan with at most two decimals, above 0 (required)
//   扣款日期   YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, or an XLSX date (required)
//
// A row that cannot be read becomes a MALFORMED line with its column and reason; it never fails
// the file. Only a file that is not a table at all (or lacks a required column) is refused whole.

/** Files above this are refused (a server action takes at most 1 MB a request). */
export const MAX_COLLECTION_FILE_BYTES = 900 * 1024;
/** Lines per file: a district's monthly collection in one file. */
export const MAX_COLLECTION_LINES = 5000;

export const COLLECTION_COLUMNS = [
  { field: "serialNo", header: "流水号", aliases: ["交易流水号", "银行流水号", "流水号码"], required: true },
  { field: "leaseRef", header: "合同编号", aliases: ["租赁合同编号", "合同号", "缴费编号"], required: true },
  { field: "payerName", header: "户名", aliases: ["付款人", "付款户名", "姓名", "账户名称"], required: false },
  { field: "amount", header: "金额(元)", aliases: ["金额（元）", "金额", "扣款金额", "扣款金额(元)", "扣款金额（元）"], required: true },
  { field: "paidOn", header: "扣款日期", aliases: ["交易日期", "日期", "扣款日"], required: true },
] as const;
export type CollectionField = (typeof COLLECTION_COLUMNS)[number]["field"];

const P = "collections.problems.";

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** A date cell: an XLSX date (exceljs gives UTC midnight of the date typed) or text. */
function dateText(value: CellValue | undefined): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  const text = cellText(value).normalize("NFKC");
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const loose = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (loose) return `${loose[1]}-${loose[2]!.padStart(2, "0")}-${loose[3]!.padStart(2, "0")}`;
  return text;
}

/** One row of the file, as the cells give it. */
export const collectionRowSchema = z.object({
  serialNo: z
    .string()
    .trim()
    .min(1, { error: `${P}serialMissing` })
    .max(64, { error: `${P}serialInvalid` })
    .regex(/^[A-Za-z0-9_-]+$/, { error: `${P}serialInvalid` }),
  leaseRef: z
    .string()
    .trim()
    .min(1, { error: `${P}leaseMissing` })
    .max(64, { error: `${P}leaseInvalid` })
    .regex(/^[A-Za-z0-9-]+$/, { error: `${P}leaseInvalid` })
    .transform((s) => s.toUpperCase()),
  payerName: z.string().trim().max(100, { error: `${P}payerTooLong` }),
  amount: z.union([z.string(), z.number()]).transform((value, ctx) => {
    if (typeof value === "string" && value.trim() === "") {
      ctx.addIssue({ code: "custom", message: `${P}amountMissing` });
      return z.NEVER;
    }
    const fen = parseFen(value, { max: MAX_PAYMENT_FEN });
    if (!fen.ok || fen.value === 0) {
      ctx.addIssue({ code: "custom", message: fen.ok ? `${P}amountZero` : `${P}amount_${fen.problem}` });
      return z.NEVER;
    }
    return fen.value;
  }),
  paidOn: z
    .string()
    .min(1, { error: `${P}dateMissing` })
    .refine(isValidISODate, { error: `${P}dateInvalid` }),
});

export interface CollectionLineRead {
  /** The file's row number (1 = the header row). */
  lineNo: number;
  serialNo: string | null;
  leaseRef: string | null;
  payerNameMasked: string | null;
  amountFen: number | null;
  paidOn: ISODate | null;
  /** What is wrong with the row (the first problem), or null when it reads. */
  problem: { column: string; key: string } | null;
}

export type CollectionFileErrorKey =
  | "tooLarge"
  | "noRows"
  | "tooManyLines"
  | "missingColumn"
  | `table.${TableError["code"]}`;

export class CollectionFileError extends Error {
  readonly key: CollectionFileErrorKey;
  readonly column?: string;
  constructor(key: CollectionFileErrorKey, column?: string) {
    super(`collection file: ${key}`);
    this.name = "CollectionFileError";
    this.key = key;
    this.column = column;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads a collection file's lines; throws CollectionFileError for a file that is not a collection
 * file at all. `today` bounds the payment dates (a deduction cannot be in the future).
 */
export async function readCollectionFile(bytes: Uint8Array, fileName: string, options: { today: ISODate }): Promise<CollectionLineRead[]> {
  if (bytes.length > MAX_COLLECTION_FILE_BYTES) throw new CollectionFileError("tooLarge");
  let table;
  try {
    table = await readTable(bytes, fileName);
  } catch (error) {
    if (error instanceof TableError) throw new CollectionFileError(`table.${error.code}`);
    throw error;
  }
  const position = new Map<CollectionField, number>();
  table.headers.forEach((h, i) => {
    const text = h.normalize("NFKC").replace(/\s+/g, "");
    const column = COLLECTION_COLUMNS.find((c) => c.header.normalize("NFKC") === text || c.aliases.some((a) => a.normalize("NFKC") === text));
    if (column && !position.has(column.field)) position.set(column.field, i);
  });
  const missing = COLLECTION_COLUMNS.find((c) => c.required && !position.has(c.field));
  if (missing) throw new CollectionFileError("missingColumn", missing.header);
  const rows = table.rows.map((cells, i) => ({ cells, lineNo: i + 2 })).filter(({ cells }) => cells.some((c) => cellText(c) !== ""));
  if (rows.length === 0) throw new CollectionFileError("noRows");
  if (rows.length > MAX_COLLECTION_LINES) throw new CollectionFileError("tooManyLines");

  const headerOf = (field: CollectionField) => COLLECTION_COLUMNS.find((c) => c.field === field)!.header;
  return rows.map(({ cells, lineNo }) => {
    const at = (field: CollectionField) => {
      const i = position.get(field);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const amountCell = at("amount");
    const raw = {
      serialNo: cellText(at("serialNo")),
      leaseRef: cellText(at("leaseRef")),
      payerName: cellText(at("payerName")),
      amount: typeof amountCell === "number" ? amountCell : cellText(amountCell),
      paidOn: dateText(at("paidOn")),
    };
    const parsed = collectionRowSchema.safeParse(raw);
    // What could be read is kept, so that an officer can resolve the line by hand.
    const loose = {
      serialNo: collectionRowSchema.shape.serialNo.safeParse(raw.serialNo),
      leaseRef: collectionRowSchema.shape.leaseRef.safeParse(raw.leaseRef),
      amount: collectionRowSchema.shape.amount.safeParse(raw.amount),
      paidOn: collectionRowSchema.shape.paidOn.safeParse(raw.paidOn),
    };
    const payerName = raw.payerName === "" ? null : maskName(raw.payerName.slice(0, 100));
    let problem: CollectionLineRead["problem"] = null;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problem = { column: headerOf(issue.path[0] as CollectionField), key: issue.message };
    } else if (parsed.data.paidOn > options.today) {
      problem = { column: headerOf("paidOn"), key: `${P}dateFuture` };
    }
    return {
      lineNo,
      serialNo: loose.serialNo.success ? loose.serialNo.data : null,
      leaseRef: loose.leaseRef.success ? loose.leaseRef.data : raw.leaseRef === "" ? null : raw.leaseRef.slice(0, 64),
      payerNameMasked: payerName,
      amountFen: loose.amount.success ? loose.amount.data : null,
      paidOn: loose.paidOn.success && loose.paidOn.data <= options.today ? loose.paidOn.data : null,
      problem,
    };
  });
}
