import type { TimelineMonth } from "./timeline";

const MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const label = (m: string) => `${MONTH[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** A server-rendered bar chart of contributions per month, with a table for screen readers. */
export function TimelineChart({ months, caption }: { months: TimelineMonth[]; caption: string }) {
  const width = 600;
  const height = 160;
  const pad = { top: 16, bottom: 28, left: 8, right: 8 };
  const max = Math.max(1, ...months.map((m) => m.count));
  const slot = (width - pad.left - pad.right) / Math.max(1, months.length);
  const barW = slot * 0.7;
  const inner = height - pad.top - pad.bottom;
  const total = months.reduce((s, m) => s + m.count, 0);
  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${caption}: ${total} in ${months.length} months`}
      >
        <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} stroke="#cbd5e1" />
        {months.map((m, i) => {
          const h = (m.count / max) * inner;
          const x = pad.left + i * slot + (slot - barW) / 2;
          const y = height - pad.bottom - h;
          return (
            <g key={m.month}>
              <rect x={x} y={y} width={barW} height={Math.max(h, 0)} rx={2} className="fill-brand-600">
                <title>{`${label(m.month)}: ${m.count}`}</title>
              </rect>
              {m.count > 0 && (
                <text x={x + barW / 2} y={y - 3} textAnchor="middle" fontSize="10" className="fill-slate-700">
                  {m.count}
                </text>
              )}
              <text
                x={x + barW / 2}
                y={height - pad.bottom + 14}
                textAnchor="middle"
                fontSize="10"
                className="fill-slate-600"
              >
                {MONTH[Number(m.month.slice(5, 7)) - 1]}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Contributions</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <td>{label(m.month)}</td>
              <td>{m.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
