import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import type { DrawJson } from "@/lib/lottery/verify";
import { reservedPriorityUnits } from "@/lib/rules/lottery";

/** Quoted for a POSIX shell: the values are the draw's own, shown as a visitor would paste them. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A draw's public record and the steps that check it with nothing but sha256sum (Art. 23). */
export async function DrawVerification({ draw, results, witnesses = null }: { draw: DrawJson; results?: ReactNode; witnesses?: string | null }) {
  const t = await getTranslations("allocation.verify");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const at = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" }) : "—");
  const base = `/api/v1/lotteries/${draw.drawId}`;
  const drawn = draw.status === "DRAWN";
  const secret = draw.seedSecret ?? "<seedSecret>";
  const beacon = draw.beacon ?? "<beacon>";
  // Each step's expectation on its own line above it, so that a phone shows it without scrolling.
  const steps = [
    `curl -s <portal>${base}/entrants.txt -o entrants.txt`,
    `# ${t("stepCommitment", { value: draw.seedCommitment })}`,
    `printf '%s' ${shellQuote(secret)} | sha256sum`,
    `# ${t("stepEntrants", { value: draw.entrantsSha256 })}`,
    `sha256sum entrants.txt`,
    `# ${t("stepOrder")}`,
    `SEED=${shellQuote(`${secret}:${beacon}`)}`,
    `while IFS=, read -r no kind; do`,
    `  printf '%s  %s\\n' "$(printf '%s' "$SEED:$no" | sha256sum | cut -c1-64)" "$no"`,
    `done < entrants.txt | sort`,
  ].join("\n");
  return (
    <Container>
      <PageHeader
        title={t("heading", { plan: draw.planTitle, type: stock(`unitType.${draw.unitType as "STUDIO"}`) })}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={drawn ? "success" : draw.status === "CANCELLED" ? "danger" : "warning"}>{t(`status.${draw.status}`)}</Badge>
            <span>{draw.estateName}</span>
          </p>
        }
      />
      {draw.status === "CANCELLED" ? <Alert tone="warning" className="mb-6">{t("cancelled", { at: at(draw.cancelledAt), reason: draw.cancelReason ?? "" })}</Alert> : null}
      {draw.status === "COMMITTED" ? <Alert tone="info" className="mb-6">{t("notDrawn")}</Alert> : null}
      <div className="flex flex-col gap-6">
        <Card title={t("record")}>
          <Facts
            items={[
              { label: t("units"), value: t("unitsValue", { units: draw.units, reserved: reservedPriorityUnits(draw.units, draw.priorityShare) }) },
              { label: t("entrants"), value: t("entrantsValue", { count: draw.entrantCount, priority: draw.priorityEntrantCount }) },
              { label: t("committedAt"), value: at(draw.committedAt) },
              { label: t("drawnAt"), value: at(draw.drawnAt) },
              { label: "entrantsSha256", value: <code className="break-all font-mono text-sm">{draw.entrantsSha256}</code> },
              { label: "seedCommitment", value: <code className="break-all font-mono text-sm">{draw.seedCommitment}</code> },
              { label: t("beaconSource"), value: draw.beaconSource },
              { label: "seedSecret", value: <code className="break-all font-mono text-sm">{draw.seedSecret ?? t("hidden")}</code> },
              { label: "beacon", value: <code className="break-all font-mono text-sm">{draw.beacon ?? t("hidden")}</code> },
              ...(witnesses ? [{ label: t("witnesses"), value: witnesses }] : []),
            ]}
          />
        </Card>
        {results}
        <Card title={t("files")}>
          <ul className="flex flex-wrap gap-4">
            <li><a href={base} className="font-medium text-brand-700 underline">JSON</a></li>
            <li><a href={`${base}/entrants.txt`} className="font-medium text-brand-700 underline">entrants.txt</a></li>
            {drawn ? <li><a href={`${base}/result.txt`} className="font-medium text-brand-700 underline">result.txt</a></li> : null}
          </ul>
        </Card>
        <Card title={t("steps")}>
          <p className="mb-3 text-sm text-slate-700">{t("stepsIntro")}</p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 text-sm leading-relaxed text-slate-50" data-testid="verify-steps">
            <code>{steps}</code>
          </pre>
          <p className="mt-3 text-sm text-slate-700">{t("cli", { command: `npm run lottery:verify -- <portal> ${draw.drawId}` })}</p>
        </Card>
      </div>
    </Container>
  );
}
