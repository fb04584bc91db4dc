/** An honest empty state for a section whose feature has not landed yet. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      <div className="rounded-xl bg-white p-8 text-slate-700 ring-1 ring-slate-200">{children}</div>
    </div>
  );
}
