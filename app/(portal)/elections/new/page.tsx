import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/forbidden";
import { FilterForm, optionsOf } from "@/components/ui/filter-select";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { defaultSeatsForCycle } from "@/lib/elections/elections";
import { possibleCoOfficers } from "@/lib/elections/queries";
import { listRoleDefinitions } from "@/lib/roles/queries";
import { findTagBySlug, listTags } from "@/lib/tags/queries";
import { createElectionAction } from "@/app/elections/actions";
import { SetupForm } from "./_components/setup-form";
import { toLocalInput } from "@/components/elections/zoned-time";
import { addDays, DAY, isoDay } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Set up an election" };

type Props = { searchParams: Promise<{ tag?: string; role?: string; cycle?: string }> };

export default async function NewElectionPage({ searchParams }: Props) {
  const sp = await searchParams;
  await requireUser(`/elections/new${sp.tag ? `?tag=${encodeURIComponent(sp.tag)}` : ""}`);
  const actor = await getActor();
  if (!sp.tag) {
    const tags = (await listTags()).filter((t) => t.slug);
    const mine = [];
    for (const t of tags) {
      const full = await findTagBySlug(t.slug);
      if (full && can(actor, "election.run", full.id)) mine.push(t);
    }
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold text-slate-900">Set up an election</h1>
        {mine.length === 0 ? (
          <Forbidden what="setting up elections (a TAG's chairs and tech leads, or an admin, run them)" />
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {mine.map((t) => (
              <li key={t.slug}>
                <Link href={`/elections/new?tag=${t.slug}`} className="text-brand-700 underline">
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const tag = await findTagBySlug(sp.tag);
  if (!tag || !can(actor, "election.run", tag.id)) return <Forbidden what="setting up elections in this TAG" />;
  const roles = (await listRoleDefinitions(tag.id)).filter((d) => d.kind !== "tag_ambassador");
  const at = await now();
  // A cycle date that is not a real day (2026-02-31) falls back to the default, never a database error.
  const asked = sp.cycle && /^\d{4}-\d{2}-\d{2}$/.test(sp.cycle) ? new Date(`${sp.cycle}T00:00:00Z`) : null;
  const cycle =
    asked && !Number.isNaN(asked.getTime()) && isoDay(asked) === sp.cycle ? sp.cycle : isoDay(addDays(at, 45));
  const role =
    roles.find((r) => r.roleKey === sp.role) ??
    roles.find((r) => r.kind === "tech_lead" && r.selection === "election") ??
    roles.find((r) => r.kind === "tech_lead") ??
    roles[0];
  if (!role) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold text-slate-900">Set up an election in {tag.name}</h1>
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
          This TAG has not defined the role to elect yet.{" "}
          <Link href={`/tags/${tag.slug}`} className="text-brand-700 underline">
            Define a Tech Lead role on the TAG page
          </Link>{" "}
          (term, seats, regions), then come back.
        </p>
      </div>
    );
  }
  const seats = await defaultSeatsForCycle(tag.id, role.roleKey, new Date(`${cycle}T00:00:00Z`));
  const coOfficers = await possibleCoOfficers(tag.id, actor!.id);
  const s = (n: number | undefined) => (n ? String(n) : "");
  const start = new Date(Math.ceil((at.getTime() + DAY) / DAY) * DAY + 9 * 3_600_000);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Set up an election"
        compact
        eyebrow={
          <Link href={`/tags/${tag.slug}`} className="text-brand-700 underline">
            {tag.name}
          </Link>
        }
      >
        <Lead>
          You become its officer: officers run the election and cannot stand in it. Nothing is announced until
          nominations open.
        </Lead>
      </PageHeader>
      <FilterForm
        label="Role and cycle"
        prefix="pick"
        values={{ role: role.roleKey, cycle }}
        specs={[
          {
            name: "role",
            label: "Role to elect",
            options: optionsOf(roles.map((r) => [r.roleKey, r.name] as const)),
          },
          { name: "cycle", label: "Cycle date (terms start)", type: "date" },
        ]}
        submit="Prefill the seats"
        secondary
      >
        <input type="hidden" name="tag" value={tag.slug} />
      </FilterForm>
      <SetupForm
        key={`${role.roleKey}-${cycle}`}
        roleName={role.name}
        coOfficers={coOfficers.map((u) => [u.id, u.name ? `${u.name} (@${u.login})` : `@${u.login}`] as const)}
        create={createElectionAction}
        defaults={{
          tagId: tag.id,
          roleKey: role.roleKey,
          title: `${cycle.slice(0, 4)} ${role.name} election`,
          cycleDate: cycle,
          seats: { APAC: s(seats.APAC), EMEA: s(seats.EMEA), Americas: s(seats.Americas), any: s(seats.any) },
          nominationsOpenAt: toLocalInput(start),
          nominationsCloseAt: toLocalInput(new Date(start.getTime() + 14 * DAY)),
          votingOpenAt: toLocalInput(new Date(start.getTime() + 15 * DAY)),
          votingCloseAt: toLocalInput(new Date(start.getTime() + 29 * DAY)),
        }}
      />
    </div>
  );
}
