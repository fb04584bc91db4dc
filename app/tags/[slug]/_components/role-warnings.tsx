/** Warnings and open places per role (server component). */
export function RoleWarnings({
  summaries,
}: {
  summaries: { name: string; vacancies: number | null; warnings: string[] }[];
}) {
  const open = summaries.filter((s) => (s.vacancies ?? 0) > 0);
  const warned = summaries.filter((s) => s.warnings.length > 0);
  if (open.length === 0 && warned.length === 0) return null;
  return (
    <div className="space-y-2">
      {open.length > 0 && (
        <p className="rounded-md bg-sky-50 p-3 text-sm text-sky-900 ring-1 ring-sky-200">
          Vacancies: {open.map((s) => `${s.name}: ${s.vacancies} open`).join("; ")}.
        </p>
      )}
      {warned.length > 0 && (
        <ul
          className="list-disc rounded-md bg-amber-50 p-3 pl-7 text-sm text-amber-900 ring-1 ring-amber-200"
          aria-label="Roster warnings"
        >
          {warned.flatMap((s) =>
            s.warnings.map((w) => (
              <li key={`${s.name}:${w}`}>
                {s.name}: {w}
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}
