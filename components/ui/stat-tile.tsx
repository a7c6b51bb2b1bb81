import Link from "next/link";
import { cn } from "./cn";

/**
 * A number with its label, as a list item of a grid of figures; a link when there is a page behind
 * it. "alert" tiles turn red when the number is not zero (overdue work, open objections).
 */
export function StatTile({ label, value, href, tone = "normal" }: { label: string; value: number; href?: string; tone?: "normal" | "alert" }) {
  const alerting = tone === "alert" && value > 0;
  const body = (
    <>
      <span className={cn("block text-3xl font-bold tabular-nums", alerting ? "text-accent-600" : "text-brand-800")}>{value}</span>
      <span className="block text-sm text-slate-700">{label}</span>
    </>
  );
  const box = cn("block h-full rounded-md border p-3", alerting ? "border-red-300 bg-red-50" : "border-slate-200 bg-white", href ? "hover:border-brand-300 hover:bg-brand-50" : "");
  return (
    <li>
      {href ? (
        <Link href={href} className={box}>
          {body}
        </Link>
      ) : (
        <div className={box}>{body}</div>
      )}
    </li>
  );
}
