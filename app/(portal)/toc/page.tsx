import type { Metadata } from "next";
import Link from "next/link";
import { SEAT_LABEL } from "@/components/roster-table";
import { LocalTime } from "@/components/ui/local-time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listPendingLeadershipChanges } from "@/lib/roles/queries";
import { DecideButtons } from "./_components/decide-buttons";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requireUser("/toc");
  const actor = await getActor();
  const mayApprove = can(actor, "leadership.approve");
  const pending = mayApprove ? await listPendingLeadershipChanges() : [];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold text-slate-900">Dashboard</h1>
      {mayApprove ? (
        <section aria-labelledby="pending" className="space-y-3">
          <h2 id="pending" className="text-xl font-semibold text-slate-900">
            Leadership changes awaiting TOC approval
          </h2>
          {pending.length === 0 ? (
            <p className="rounded-xl bg-white p-6 text-slate-600 ring-1 ring-slate-200">Nothing is waiting for a decision.</p>
          ) : (
            <ul className="space-y-3">
              {pending.map((p) => {
                const what = `${p.status === "pending" ? "appoint" : "end the seat of"} @${p.user.login} as ${SEAT_LABEL[p.kind] ?? p.kind} of ${p.tag.name}`;
                return (
                  <li key={p.id} className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
                    <p className="font-medium text-slate-900">
                      {p.status === "pending" ? "Appointment" : "End of seat"}: @{p.user.login} as {SEAT_LABEL[p.kind] ?? p.kind} of{" "}
                      <Link href={`/tags/${p.tag.slug}`} className="text-brand-700 underline">
                        {p.tag.name}
                      </Link>
                    </p>
                    <p className="text-sm text-slate-600">
                      Requested <LocalTime iso={(p.endRequestedAt ?? p.requestedAt).toISOString()} showRelative />
                      {p.endReason && <> · reason: {p.endReason}</>}
                      {p.decisionLink && (
                        <>
                          {" "}
                          · <a href={p.decisionLink} className="text-brand-700 underline">decision</a>
                        </>
                      )}
                    </p>
                    <div className="mt-2">
                      <DecideButtons assignmentId={p.id} label={what} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
          Leadership dashboards (seats, regions, employers, terms ending, activity) are for TOC members and TAG leads, and are not available yet.
        </p>
      )}
    </div>
  );
}
