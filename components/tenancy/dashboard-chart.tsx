"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Rent billed and collected by month (Art. 28-29). Everything comes as props from the server
// (labels translated, amounts in yuan), so the page loads recharts and nothing else.

export interface MonthBar {
  label: string;
  /** Yuan, two decimals (lib/money fenAsYuanNumber on the server). */
  billed: number;
  collected: number;
  billedText: string;
  collectedText: string;
}

export function BilledCollectedChart({ bars, billedLabel, collectedLabel, title }: { bars: MonthBar[]; billedLabel: string; collectedLabel: string; title: string }) {
  return (
    <figure className="min-w-0" data-testid="billed-collected-chart" aria-label={title}>
      <div className="h-72 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          <BarChart data={bars} margin={{ top: 8, right: 4, bottom: 8, left: 0 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} width={64} allowDecimals={false} />
            <Tooltip
              formatter={(_value, name, item) => {
                const bar = item.payload as MonthBar;
                return [name === billedLabel ? bar.billedText : bar.collectedText, name];
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="billed" name={billedLabel} fill="#94a3b8" isAnimationActive={false} />
            <Bar dataKey="collected" name={collectedLabel} fill="#1d4ed8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}
