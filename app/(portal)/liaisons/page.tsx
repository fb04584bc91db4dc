import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getActor } from "@/lib/auth/actor";
import { canInAnyTag } from "@/lib/auth/permissions";
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
import { HealthBadge, OverdueBadge, targetName } from "@/components/liaisons/badges";
import { DateOnly } from "@/components/ui/time";
import { CreateLiaisonForm } from "./_components/liaison-forms";

export const metadata: Metadata = { title: "Liaisons" };

/** The viewer's own liaisons; for leads (and admins), their TAGs' liaisons and a form to add one. */
export default async function LiaisonsPage() {
  const user = await requireUser("/liaisons");
  const [actor, at] = await Promise.all([getActor(), now()]);
  const managed = canInAnyTag(actor, "roster.manage") ? await listManagedTags(actor) : [];
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
      <PageHeader title="Liaisons">
        <Lead>
          TAG Ambassadors who liaise with a CNCF project or another foundation check in on a regular cadence. A check-in
          is overdue when none came within the cadence.
        </Lead>
      </PageHeader>

      <Section
        id="mine"
        title="Your liaisons"
        count={mine.length}
        empty="You are not a liaison. A TAG lead can make a TAG Ambassador seat a liaison."
      >
        <LiaisonTable rows={mine} at={at} caption="Your liaisons" showPerson={false} />
      </Section>

      {managed.length > 0 && (
        <>
          <Section
            id="tags"
            title={`Liaisons of ${managed.length === 1 ? managed[0]!.name : "the TAGs you lead"} (${tagLiaisons.length}${overdueCount > 0 ? `, ${overdueCount} overdue` : ""})`}
            empty={tagLiaisons.length === 0 && "No liaisons yet."}
          >
            <LiaisonTable rows={tagLiaisons} at={at} caption="Liaisons of your TAGs" showPerson />
          </Section>

          <Section
            id="create"
            title="Make a seat a liaison"
            empty={
              seats.length === 0 &&
              "Every held TAG Ambassador seat of your TAGs already has a liaison. Appoint TAG Ambassadors on the TAG page first."
            }
          >
            <div className="mt-3">
              <CreateLiaisonForm
                action={createLiaisonAction}
                seats={seats.map((s) => ({ id: s.id, tagName: s.tag.name, login: s.user.login, name: s.user.name }))}
                projectNames={projectNames}
              />
            </div>
          </Section>
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
  const overdue = (l: LiaisonRow) => isChasedOverdue(l, at);
  const status = (l: LiaisonRow) => (overdue(l) ? "overdue" : liaisonOnLeave(l, at) ? "On leave" : "On track");
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(l) => l.id}
      columns={[
        {
          header: "Liaison to",
          cell: (l) => (
            <>
              <Link href={`/liaisons/${l.id}`} className="font-medium text-brand-700 underline">
                {targetName(l)}
              </Link>
              <span className="block text-xs text-slate-600">{l.project ? "CNCF project" : "Foundation"}</span>
            </>
          ),
          sort: (l) => targetName(l),
        },
        showPerson && {
          header: "Person",
          cell: (l) => `@${l.assignment.user.login}`,
          sort: (l) => l.assignment.user.login,
        },
        { header: "TAG", cell: (l) => l.assignment.tag.name, sort: (l) => l.assignment.tag.name },
        { header: "Cadence", cell: (l) => `every ${l.cadenceDays} days`, sort: (l) => l.cadenceDays },
        {
          header: "Last check-in",
          cell: (l) =>
            l.checkIns[0] ? (
              <span className="flex flex-wrap items-center gap-2">
                <DateOnly date={l.checkIns[0].date} />
                <HealthBadge health={l.checkIns[0].health} />
              </span>
            ) : (
              "None yet"
            ),
          sort: (l) => l.checkIns[0]?.date,
        },
        { header: "Status", cell: (l) => (overdue(l) ? <OverdueBadge /> : status(l)), sort: status },
      ]}
    />
  );
}
