import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import {
  isChasedOverdue,
  liaisonOnLeave,
  listLiaisonsOfPerson,
  listLiaisonsOfTags,
  listManagedTags,
  listProjectNames,
  listSeatsWithoutLiaison,
  type LiaisonRow,
} from "@/lib/liaisons/queries";
import { createLiaisonAction } from "./actions";
import { Day, HealthBadge, OverdueBadge, targetName } from "@/components/liaisons/badges";
import { CreateLiaisonForm } from "./_components/liaison-forms";

export const metadata: Metadata = { title: "Liaisons" };

/** The viewer's own liaisons; for leads (and admins), their TAGs' liaisons and a form to add one. */
export default async function LiaisonsPage() {
  const user = await requireUser("/liaisons");
  const [actor, at] = await Promise.all([getActor(), now()]);
  const managed = actor && (actor.isAdmin || actor.leadTagIds.length > 0) ? await listManagedTags(actor) : [];
  const tagIds = managed.map((t) => t.id);
  const [mine, tagLiaisons, seats, projectNames] = await Promise.all([
    listLiaisonsOfPerson(user.id),
    tagIds.length ? listLiaisonsOfTags(tagIds) : [],
    tagIds.length ? listSeatsWithoutLiaison(tagIds) : [],
    tagIds.length ? listProjectNames() : [],
  ]);
  const overdueCount = tagLiaisons.filter((l) => isChasedOverdue(l, at)).length;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold text-brand-800">Liaisons</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          TAG Ambassadors who liaise with a CNCF project or another foundation check in on a regular cadence. A check-in
          is overdue when none came within the cadence.
        </p>
      </header>

      <section aria-labelledby="mine" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="mine" className="text-xl font-semibold text-slate-900">
          Your liaisons ({mine.length})
        </h2>
        {mine.length === 0 ? (
          <p className="mt-2 text-slate-600">
            You are not a liaison. A TAG lead can make a TAG Ambassador seat a liaison.
          </p>
        ) : (
          <LiaisonTable rows={mine} at={at} caption="Your liaisons" showPerson={false} />
        )}
      </section>

      {managed.length > 0 && (
        <>
          <section aria-labelledby="tags" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
            <h2 id="tags" className="text-xl font-semibold text-slate-900">
              Liaisons of {managed.length === 1 ? managed[0]!.name : "the TAGs you lead"} ({tagLiaisons.length}
              {overdueCount > 0 && `, ${overdueCount} overdue`})
            </h2>
            {tagLiaisons.length === 0 ? (
              <p className="mt-2 text-slate-600">No liaisons yet.</p>
            ) : (
              <LiaisonTable rows={tagLiaisons} at={at} caption="Liaisons of your TAGs" showPerson />
            )}
          </section>

          <section aria-labelledby="create" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
            <h2 id="create" className="text-xl font-semibold text-slate-900">
              Make a seat a liaison
            </h2>
            {seats.length === 0 ? (
              <p className="mt-2 text-slate-600">
                Every held TAG Ambassador seat of your TAGs already has a liaison. Appoint TAG Ambassadors on the TAG
                page first.
              </p>
            ) : (
              <div className="mt-3">
                <CreateLiaisonForm
                  action={createLiaisonAction}
                  seats={seats.map((s) => ({ id: s.id, tagName: s.tag.name, login: s.user.login, name: s.user.name }))}
                  projectNames={projectNames}
                />
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function LiaisonTable({
  rows,
  at,
  caption,
  showPerson,
}: {
  rows: LiaisonRow[];
  at: Date;
  caption: string;
  showPerson: boolean;
}) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-3">
              Liaison to
            </th>
            {showPerson && (
              <th scope="col" className="py-2 pr-3">
                Person
              </th>
            )}
            <th scope="col" className="py-2 pr-3">
              TAG
            </th>
            <th scope="col" className="py-2 pr-3">
              Cadence
            </th>
            <th scope="col" className="py-2 pr-3">
              Last check-in
            </th>
            <th scope="col" className="py-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => {
            const latest = l.checkIns[0];
            const overdue = isChasedOverdue(l, at);
            return (
              <tr key={l.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">
                  <Link href={`/liaisons/${l.id}`} className="font-medium text-brand-700 underline">
                    {targetName(l)}
                  </Link>
                  <span className="block text-xs text-slate-600">{l.project ? "CNCF project" : "Foundation"}</span>
                </td>
                {showPerson && <td className="py-2 pr-3">@{l.assignment.user.login}</td>}
                <td className="py-2 pr-3">{l.assignment.tag.name}</td>
                <td className="py-2 pr-3">every {l.cadenceDays} days</td>
                <td className="py-2 pr-3">
                  {latest ? (
                    <span className="flex flex-wrap items-center gap-2">
                      <Day date={latest.date} />
                      <HealthBadge health={latest.health} />
                    </span>
                  ) : (
                    "None yet"
                  )}
                </td>
                <td className="py-2">{overdue ? <OverdueBadge /> : liaisonOnLeave(l, at) ? "On leave" : "On track"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
