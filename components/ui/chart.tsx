"use client";

import { Card, Heading } from "./section";

/*
 * The portal's one way to draw a chart (docs/decisions/012-charts.md): SVG rendered into the
 * page's HTML on the server, no inline style, each chart one image with a short summary for
 * screen readers and a visually hidden table that carries every value. A client component
 * (decision 018) so that the page's RSC payload carries each chart's data, not its SVG and
 * table a second time; nothing here measures or animates, so the HTML is the finished chart.
 */

/**
 * A coordinate to a tenth of a unit: charts are 600 units wide, so nothing shows the rest, and a
 * coordinate such as 344.32996108949413 is written for every bar of every chart (about 5 KB of
 * `/toc`'s HTML at bench scale, decision 018).
 */
const px = (v: number) => Math.round(v * 10) / 10;

export interface Bar {
  label: string;
  value: number;
  /** A rule the value is held to (regional minimum or maximum, an employer cap), drawn as ticks. */
  min?: number;
  max?: number;
}

/** Horizontal bars, one per item. Bars past their maximum are drawn in red; limits are dashed ticks. */
export function BarChart({ caption, bars, unit = "" }: { caption: string; bars: readonly Bar[]; unit?: string }) {
  const width = 600;
  const row = 24;
  const labelW = 200;
  const pad = { top: 6, right: 48 };
  const height = pad.top * 2 + bars.length * row;
  const top = Math.max(1, ...bars.map((b) => Math.max(b.value, b.max ?? 0, b.min ?? 0)));
  const scale = (v: number) => (v / top) * (width - labelW - pad.right);
  const hasLimits = bars.some((b) => b.min !== undefined || b.max !== undefined);
  const summary = bars.map((b) => `${b.label} ${b.value}${unit}`).join(", ");
  return (
    <figure className="mt-2">
      <ChartImage width={width} height={height} label={`${caption}: ${summary || "no data"}`}>
        {bars.map((b, i) => {
          const y = pad.top + i * row;
          const w = px(scale(b.value));
          const over = b.max !== undefined && b.value > b.max;
          return (
            <g key={`${b.label}-${i}`}>
              <text x={labelW - 8} y={y + row / 2 + 4} textAnchor="end" fontSize="12" className="fill-slate-700">
                {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
              </text>
              <rect
                x={labelW}
                y={y + 4}
                width={Math.max(w, 0)}
                height={row - 8}
                rx={2}
                className={over ? "fill-red-600" : "fill-brand-600"}
              >
                <title>{`${b.label}: ${b.value}${unit}`}</title>
              </rect>
              <text x={labelW + w + 4} y={y + row / 2 + 4} fontSize="11" className="fill-slate-800">
                {b.value}
                {unit}
              </text>
              {b.min !== undefined && <Tick x={px(labelW + scale(b.min))} y={y} row={row} colour="#b45309" />}
              {b.max !== undefined && <Tick x={px(labelW + scale(b.max))} y={y} row={row} colour="#b91c1c" />}
            </g>
          );
        })}
      </ChartImage>
      {hasLimits && (
        <figcaption className="text-xs text-slate-600">
          Dashed ticks: amber a minimum, red a maximum; a red bar is over its maximum.
        </figcaption>
      )}
      <ChartTable
        caption={caption}
        head={["Item", "Value", ...(hasLimits ? ["Limits"] : [])]}
        rows={bars.map((b) => [
          b.label,
          `${b.value}${unit}`,
          ...(hasLimits
            ? [
                [b.min !== undefined ? `at least ${b.min}` : "", b.max !== undefined ? `at most ${b.max}` : ""]
                  .filter(Boolean)
                  .join(", ") || "none",
              ]
            : []),
        ])}
      />
    </figure>
  );
}

/** A chart (bars or columns) in a small card with its heading; `children` follow the chart (a note on a cap). */
export function ChartCard({
  title,
  children,
  ...chart
}: { title: React.ReactNode; children?: React.ReactNode } & (
  React.ComponentProps<typeof BarChart> | React.ComponentProps<typeof ColumnChart>
)) {
  return (
    <Card padding="sm">
      <Heading level={3} size="base">
        {title}
      </Heading>
      {"bars" in chart ? <BarChart {...chart} /> : <ColumnChart {...chart} />}
      {children}
    </Card>
  );
}

/** A limit (a regional minimum in amber, a maximum in red) as a dashed tick across a bar's row. */
function Tick({ x, y, row, colour }: { x: number; y: number; row: number; colour: string }) {
  return <line x1={x} x2={x} y1={y + 1} y2={y + row - 1} stroke={colour} strokeWidth={2} strokeDasharray="3 2" />;
}

export interface Column {
  /** The full label (table, tooltip) and the one under the column ("Mar 2026" and "Mar"). */
  label: string;
  short?: string;
}

export interface Series {
  name: string;
  /** One value per column; null: no value (drawn as nothing, "none" in the table). */
  values: readonly (number | null)[];
}

// Literal class names, so Tailwind keeps them; colours chosen to stay apart for colour-blind readers.
const SERIES_FILL = ["fill-brand-600", "fill-amber-500", "fill-sky-700", "fill-slate-400"] as const;
const SERIES_SWATCH = ["bg-brand-600", "bg-amber-500", "bg-sky-700", "bg-slate-400"] as const;

/**
 * Columns over time (months, quarters), one or more series side by side or `stacked`. With one
 * series each column shows its value; with several a legend names them.
 */
export function ColumnChart({
  caption,
  columns,
  series,
  stacked = false,
  unit = "",
  summary,
}: {
  caption: string;
  /** What the image says after its caption ("12 in 12 months"); the span of periods by default. */
  summary?: string;
  columns: readonly Column[];
  series: readonly Series[];
  stacked?: boolean;
  unit?: string;
}) {
  const width = 600;
  const height = 160;
  const pad = { top: 16, bottom: 28, left: 8, right: 8 };
  const total = (i: number) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0);
  const max = Math.max(
    1,
    ...columns.map((_, i) => (stacked ? total(i) : Math.max(0, ...series.map((s) => s.values[i] ?? 0)))),
  );
  const slot = (width - pad.left - pad.right) / Math.max(1, columns.length);
  const groupW = slot * 0.7;
  const barW = stacked ? groupW : groupW / Math.max(1, series.length);
  const inner = height - pad.top - pad.bottom;
  const base = height - pad.bottom;
  const show = (v: number | null) => (v === null ? "none" : `${Number.isInteger(v) ? v : v.toFixed(1)}${unit}`);
  const first = columns[0]?.label;
  const last = columns.at(-1)?.label;
  return (
    <figure className="mt-3">
      <ChartImage
        width={width}
        height={height}
        label={`${caption}: ${summary ?? (first ? `${first} to ${last}` : "no data")}`}
      >
        <line x1={pad.left} x2={width - pad.right} y1={base} y2={base} stroke="#cbd5e1" />
        {columns.map((c, i) => {
          const x0 = pad.left + i * slot + (slot - groupW) / 2;
          let stackTop = base;
          return (
            <g key={`${c.label}-${i}`}>
              {series.map((s, k) => {
                const v = s.values[i] ?? null;
                if (v === null || v <= 0) return null;
                const h = (v / max) * inner;
                const x = stacked ? x0 : x0 + k * barW;
                const y = stacked ? stackTop - h : base - h;
                if (stacked) stackTop = y;
                return (
                  <rect
                    key={s.name}
                    x={px(x)}
                    y={px(y)}
                    width={px(barW)}
                    height={px(h)}
                    rx={stacked ? undefined : 2}
                    className={SERIES_FILL[k % SERIES_FILL.length]}
                  >
                    <title>{`${c.label}, ${s.name}: ${show(v)}`}</title>
                  </rect>
                );
              })}
              {series.length === 1 && (series[0]!.values[i] ?? 0) > 0 && (
                <text
                  x={px(x0 + groupW / 2)}
                  y={px(base - ((series[0]!.values[i] ?? 0) / max) * inner - 3)}
                  textAnchor="middle"
                  fontSize="10"
                  className="fill-slate-700"
                >
                  {show(series[0]!.values[i] ?? null)}
                </text>
              )}
              <text x={px(x0 + groupW / 2)} y={base + 14} textAnchor="middle" fontSize="10" className="fill-slate-600">
                {c.short ?? c.label}
              </text>
            </g>
          );
        })}
      </ChartImage>
      {series.length > 1 && (
        <figcaption>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
            {series.map((s, k) => (
              <li key={s.name} className="flex items-center gap-1">
                <span
                  aria-hidden="true"
                  className={`inline-block h-3 w-3 rounded-sm ${SERIES_SWATCH[k % SERIES_SWATCH.length]}`}
                />
                {s.name}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
      <ChartTable
        caption={caption}
        head={["Period", ...series.map((s) => s.name)]}
        rows={columns.map((c, i) => [c.label, ...series.map((s) => show(s.values[i] ?? null))])}
      />
    </figure>
  );
}

/** The drawing: one image to assistive technology, named by `label`, scaling to its box's width. */
function ChartImage({
  width,
  height,
  label,
  children,
}: {
  width: number;
  height: number;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={label}>
      {children}
    </svg>
  );
}

/** Every value of a chart for screen readers. */
function ChartTable({ caption, head, rows }: { caption: string; head: readonly string[]; rows: readonly string[][] }) {
  // The wrapper is what hides: a table grows to its content whatever its own width, and at phone
  // width a hidden table would still widen the page.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
