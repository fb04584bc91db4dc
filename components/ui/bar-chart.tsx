import { Card, Heading } from "./section";

export interface Bar {
  label: string;
  value: number;
  /** A rule the value is held to (regional minimum or maximum, an employer cap), drawn as ticks. */
  min?: number;
  max?: number;
}

/**
 * A server-rendered horizontal bar chart (same style as the contribution timeline): the SVG is
 * one image with a summary for screen readers, and a visually hidden table carries every value.
 * Bars past their maximum are drawn in red; limits are dashed ticks.
 */
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
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${caption}: ${summary || "no data"}`}
      >
        {bars.map((b, i) => {
          const y = pad.top + i * row;
          const w = scale(b.value);
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
              {b.min !== undefined && <Tick x={labelW + scale(b.min)} y={y} row={row} colour="#b45309" />}
              {b.max !== undefined && <Tick x={labelW + scale(b.max)} y={y} row={row} colour="#b91c1c" />}
            </g>
          );
        })}
      </svg>
      {hasLimits && (
        <figcaption className="text-xs text-slate-600">
          Dashed ticks: amber a minimum, red a maximum; a red bar is over its maximum.
        </figcaption>
      )}
      {/* The wrapper is what hides: a table grows to its content whatever its own width, and at
          phone width a hidden table would still widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Value</th>
              {hasLimits && <th scope="col">Limits</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((b, i) => (
              <tr key={`${b.label}-${i}`}>
                <td>{b.label}</td>
                <td>
                  {b.value}
                  {unit}
                </td>
                {hasLimits && (
                  <td>
                    {[b.min !== undefined ? `at least ${b.min}` : "", b.max !== undefined ? `at most ${b.max}` : ""]
                      .filter(Boolean)
                      .join(", ") || "none"}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A chart in a small card with its heading; `children` follow the chart (a note on a cap). */
export function ChartCard({
  title,
  children,
  ...chart
}: { title: React.ReactNode; children?: React.ReactNode } & React.ComponentProps<typeof BarChart>) {
  return (
    <Card padding="sm">
      <Heading level={3} size="base">
        {title}
      </Heading>
      <BarChart {...chart} />
      {children}
    </Card>
  );
}

/** A limit (a regional minimum in amber, a maximum in red) as a dashed tick across a bar's row. */
function Tick({ x, y, row, colour }: { x: number; y: number; row: number; colour: string }) {
  return <line x1={x} x2={x} y1={y + 1} y2={y + row - 1} stroke={colour} strokeWidth={2} strokeDasharray="3 2" />;
}
