import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/forbidden";
import { DataTable, type Column } from "@/components/ui/data-table";
import { FilterForm, type FilterSpec } from "@/components/ui/filter-select";
import { DateTime } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/section";
import { searchAuditEvents } from "@/lib/admin/audit-log";
import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { addDays, parseId } from "@/lib/vocabulary";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

type Search = { actor?: string; action?: string; tag?: string; from?: string; to?: string; cursor?: string };

const FILTERS: FilterSpec[] = [
  { name: "actor", label: "Actor (login)" },
  { name: "action", label: "Action" },
  { name: "tag", label: "TAG slug" },
  { name: "from", label: "From", type: "date" },
  { name: "to", label: "To", type: "date" },
];

const date = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser("/admin/audit");
  const f = await searchParams;
  const to = date(f.to);
  const found = await searchAuditEvents(await getActor(), {
    actorLogin: f.actor?.replace(/^@/, "") || undefined,
    action: f.action || undefined,
    tagSlug: f.tag || undefined,
    from: date(f.from),
    to: to ? addDays(to, 1) : undefined,
    cursor: parseId(f.cursor) ?? undefined,
  }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "FORBIDDEN") return null;
    throw e;
  });
  if (!found) return <Forbidden what={f.tag ? "this TAG's audit log" : "the audit log"} />;
  const { everyTag, items, nextCursor } = found;
  const keep = Object.fromEntries(Object.entries(f).filter(([k, v]) => k !== "cursor" && v));
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" compact>
        <p className="text-slate-700">
          {everyTag
            ? "Every governance change and refused attempt, newest first. Times in your timezone."
            : "Governance changes in the TAGs you lead, newest first."}
        </p>
      </PageHeader>
      <FilterForm
        label="Filter the audit log"
        layout="grid items-end gap-3 sm:grid-cols-3 lg:grid-cols-6"
        prefix="a"
        values={f}
        specs={FILTERS}
        submit="Filter"
      />
      {items.length === 0 ? (
        <EmptyState center>No events match.</EmptyState>
      ) : (
        <DataTable
          caption="Audit events"
          framed
          rows={items}

          columns={AUDIT_COLUMNS}
        />
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

type AuditRow = Awaited<ReturnType<typeof searchAuditEvents>>["items"][number];

const AUDIT_COLUMNS: Column<AuditRow>[] = [
  { header: "When", cell: (e) => <DateTime iso={e.at.toISOString()} />, className: "whitespace-nowrap" },
  { header: "Actor", cell: (e) => e.actorLabel },
  { header: "Action", cell: (e) => e.action, className: "font-mono" },
  {
    header: "TAG",
    cell: (e) =>
      e.tag ? (
        <Link href={`/tags/${e.tag.slug}`} className="text-brand-700 underline">
          {e.tag.name}
        </Link>
      ) : (
        "—"
      ),
  },
  { header: "Subject", cell: (e) => e.subjectType },
  {
    header: "Outcome",
    cell: (e) => (e.outcome === "refused" ? <span className="text-red-800">refused: {e.reason}</span> : "ok"),
  },
  {
    header: "Change",
    className: "font-mono text-xs",
    cell: (e) => (
      <>
        {e.before ? <div>before: {JSON.stringify(e.before)}</div> : null}
        {e.after ? <div>after: {JSON.stringify(e.after)}</div> : null}
      </>
    ),
  },
];
