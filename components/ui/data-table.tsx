import type { DashboardTable } from "@/lib/dashboards/tables";

/** A dashboard table with its heading and CSV download (the CSV holds exactly these rows). */
export function DataTable({ table, csvHref }: { table: DashboardTable; csvHref: string }) {
  const id = `table-${table.key}`;
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {table.title}
        </h2>
        <a href={csvHref} download className="text-sm text-brand-700 underline">
          Download “{table.title}” (CSV)
        </a>
      </div>
      {table.rows.length === 0 ? (
        <p className="mt-2 text-slate-600">{table.empty}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="py-2 pr-3 font-medium text-slate-800">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i} className="border-b border-slate-100">
                  {r.map((cell, j) => (
                    <td key={j} className="py-2 pr-3 text-slate-800">
                      {cell ?? "—"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
