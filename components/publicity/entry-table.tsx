"use client";

import type { CSSProperties } from "react";
import { useTranslations } from "@/components/i18n/client-intl";

/**
 * One publicity entry as the page sends it: id, application number, masked name, masked ID number,
 * household size, estate level, unit type (or ""), 1 if objections are taken. A page of 50 goes
 * to the browser as these short rows rather than as the rendered tree of every cell twice (HTML
 * and the server components' payload), which kept a page of 50 under a third of its size
 * (decision 013).
 */
export type EntryRow = [string, string, string, string, number, "MUNICIPAL" | "DISTRICT", string, 0 | 1];

/**
 * A batch's entries: a table on wide screens, a card per household on phones (app/globals.css).
 * A batch is one district's: the district is said once above the table, not in each row.
 */
export function EntryTable({ batchId, rows, withObjections }: { batchId: string; rows: EntryRow[]; withObjections: boolean }) {
  const t = useTranslations("publicity.public");
  const review = useTranslations("review");
  const labels = {
    residentId: t("residentId"),
    householdSize: t("householdSize"),
    level: t("level"),
    unitType: t("unitType"),
  };
  // The phone's card labels its facts from the table's own custom properties (app/globals.css),
  // not from an attribute on each of a page's 200 cells.
  const cardLabels = {
    "--entry-label-3": JSON.stringify(labels.residentId),
    "--entry-label-4": JSON.stringify(labels.householdSize),
    "--entry-label-5": JSON.stringify(labels.level),
    "--entry-label-6": JSON.stringify(labels.unitType),
  } as CSSProperties;
  return (
    <table className="entry-table" style={cardLabels}>
      <thead>
        <tr>
          <th scope="col">{t("applicationNo")}</th>
          <th scope="col">{t("name")}</th>
          <th scope="col">{labels.residentId}</th>
          <th scope="col">{labels.householdSize}</th>
          <th scope="col">{labels.level}</th>
          <th scope="col">{labels.unitType}</th>
          {withObjections ? (
            <th scope="col">
              <span className="sr-only">{t("object")}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, applicationNo, name, maskedId, size, level, unit, open]) => (
          <tr key={id} data-entry={applicationNo}>
            <td>{applicationNo}</td>
            <th scope="row">{name}</th>
            <td>{maskedId}</td>
            <td>{size}</td>
            <td>{review(`estateLevel.${level}`)}</td>
            <td>{unit ? review(`unitType.${unit}` as "unitType.ONE_BEDROOM") : "—"}</td>
            {withObjections ? (
              <td>
                {open ? (
                  <a href={`/publicity/${batchId}/objection/${id}`} aria-label={t("objectLabel", { name, applicationNo })}>
                    {t("object")}
                  </a>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
