"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// The arrears by age bucket (Art. 29, 39) as a bar chart. Everything it shows comes as props from
// the server (labels translated, amounts already in yuan), so it loads recharts and nothing else.

export interface ArrearsChartBar {
  key: string;
  label: string;
  /** Yuan, two decimals (lib/money fenAsYuanNumber on the server). */
  yuan: number;
  /** The same amount as the portal writes it ("12,345.60"). */
  amountText: string;
  leases: number;
}

export function ArrearsChart({ bars, amountLabel, leasesLabel, title }: { bars: ArrearsChartBar[]; amountLabel: string; leasesLabel: string; title: string }) {
  return (
    <figure className="min-w-0" data-testid="arrears-chart" aria-label={title}>
      <div className="h-64 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          <BarChart data={bars} margin={{ top: 8, right: 4, bottom: 8, left: 0 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
            <YAxis tick={{ fontSize: 11 }} width={56} allowDecimals={false} />
            <Tooltip
              formatter={(_value, _name, item) => {
                const bar = item.payload as ArrearsChartBar;
                return [`${bar.amountText} · ${leasesLabel}: ${bar.leases}`, amountLabel];
              }}
            />
            <Bar dataKey="yuan" name={amountLabel} fill="#1d4ed8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}
