import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/forbidden";
import { LocalTime } from "@/components/ui/local-time";
import { searchAuditEvents } from "@/lib/audit/queries";
import { getActor } from "@/lib/auth/actor";
import { tagsWhere } from "@/lib/auth/permissions";
import { addDays, parseId } from "@/lib/vocabulary";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

type Search = { actor?: string; action?: string; tag?: string; from?: string; to?: string; cursor?: string };

const date = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser("/admin/audit");
  const actor = await getActor();
  const scope = tagsWhere(actor, "audit.view");
  const all = scope === "all";
  if (!all && scope.length === 0) return <Forbidden what="the audit log" />;
  const f = await searchParams;
  const to = date(f.to);
  const { items, nextCursor } = await searchAuditEvents({
    tagIds: all ? undefined : [...scope],
    actorLogin: f.actor?.replace(/^@/, "") || undefined,
    action: f.action || undefined,
    tagSlug: f.tag || undefined,
    from: date(f.from),
    to: to ? addDays(to, 1) : undefined,
    cursor: parseId(f.cursor) ?? undefined,
  });
  const keep = Object.fromEntries(Object.entries(f).filter(([k, v]) => k !== "cursor" && v));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Audit log</h1>
      <p className="text-slate-700">
        {all
          ? "Every governance change and refused attempt, newest first. Times in your timezone."
          : "Governance changes in the TAGs you lead, newest first."}
      </p>
      <form
        method="get"
        className="grid gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6"
        aria-label="Filter the audit log"
      >
        {[
          ["actor", "Actor (login)", "text"],
          ["action", "Action", "text"],
          ["tag", "TAG slug", "text"],
          ["from", "From", "date"],
          ["to", "To", "date"],
        ].map(([name, label, type]) => (
          <div key={name}>
            <label htmlFor={`a-${name}`} className="block text-sm font-medium text-slate-800">
              {label}
            </label>
            <input
              id={`a-${name}`}
              name={name}
              type={type}
              defaultValue={f[name as keyof Search]}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
            />
          </div>
        ))}
        <div className="flex items-end">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700"
          >
            Filter
          </button>
        </div>
      </form>
      {items.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">No events match.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit events</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Actor
                </th>
                <th scope="col" className="px-3 py-2">
                  Action
                </th>
                <th scope="col" className="px-3 py-2">
                  TAG
                </th>
                <th scope="col" className="px-3 py-2">
                  Subject
                </th>
                <th scope="col" className="px-3 py-2">
                  Outcome
                </th>
                <th scope="col" className="px-3 py-2">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <LocalTime iso={e.at.toISOString()} />
                  </td>
                  <td className="px-3 py-2">{e.actorLabel}</td>
                  <td className="px-3 py-2 font-mono">{e.action}</td>
                  <td className="px-3 py-2">
                    {e.tag ? (
                      <Link href={`/tags/${e.tag.slug}`} className="text-brand-700 underline">
                        {e.tag.name}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2">{e.subjectType}</td>
                  <td className="px-3 py-2">
                    {e.outcome === "refused" ? <span className="text-red-800">refused: {e.reason}</span> : "ok"}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {e.before ? <div>before: {JSON.stringify(e.before)}</div> : null}
                    {e.after ? <div>after: {JSON.stringify(e.after)}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <nav aria-label="Pagination">
          <Link
            href={`/admin/audit?${new URLSearchParams({ ...keep, cursor: nextCursor })}`}
            className="text-brand-700 underline"
          >
            Older events
          </Link>
        </nav>
      )}
    </div>
  );
}
