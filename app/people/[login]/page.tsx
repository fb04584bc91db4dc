import { FilterSelect } from "@/components/ui/filter-select";
import { countryName, formatMonth, roleName } from "@/lib/vocabulary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@/components/ui/avatar";
import { buttonClass } from "@/components/ui/button";
import { DefinitionItem, DefinitionSection } from "@/components/ui/definition-list";
import { Section } from "@/components/ui/section";
import { now } from "@/lib/clock";
import { KIND_LABEL } from "@/lib/contributions/schemas";
import { contributionTimeline, TIMELINE_KINDS } from "@/lib/contributions/timeline";
import { ColumnChart } from "@/components/ui/chart";
import { ActivityBadge } from "@/components/activity-badge";
import { DateOnly, DateTime } from "@/components/ui/time";
import { findPublicProfile } from "@/lib/accounts/queries";
import { personPathwaysByLogin } from "@/lib/pathways/queries";
import { StandingSummary } from "@/components/pathways/standing-summary";
import { getActor } from "@/lib/auth/actor";
import { HiddenTextNotice, ReportText } from "@/components/reports/report-text";
import { reportTextAction } from "@/app/help-wanted/[id]/actions";

type Props = {
  params: Promise<{ login: string }>;
  searchParams?: Promise<{ tag?: string | string[]; kind?: string | string[] }>;
};

// A profile changes when its owner saves it; never serve a stored copy.
export const dynamic = "force-dynamic";

// One lookup per request, shared by the metadata and the page.
const load = cache(findPublicProfile);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await load((await params).login);
  return { title: person ? `${person.name ?? person.login} (@${person.login})` : "Person not found" };
}

/**
 * A person's public profile: only the fields docs/architecture.md ("People and identity") makes public. Timezone and hours are for
 * the leads of TAGs the person works with, which this page does not show yet; email never.
 */
export default async function PersonPage({ params, searchParams }: Props) {
  const person = await load((await params).login);
  if (!person) notFound();
  const sp = (await searchParams) ?? {};
  const tagParam = typeof sp.tag === "string" && /^[a-z0-9-]{1,60}$/.test(sp.tag) ? sp.tag : undefined;
  const kindParam = TIMELINE_KINDS.find((k) => k === sp.kind);
  const [at, actor] = await Promise.all([now(), getActor()]);
  const [timeline, pathways] = await Promise.all([
    contributionTimeline(person.login, at, { tagSlug: tagParam, kind: kindParam }),
    personPathwaysByLogin(person.login, at),
  ]);
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-center gap-4">
        <Avatar login={person.login} src={person.avatarUrl} size={72} />
        <div>
          <h1 className="text-3xl font-bold text-brand-800">{person.name ?? person.login}</h1>
          <p className="font-mono text-slate-600">
            <a href={`https://github.com/${person.login}`} className="text-brand-700 underline">
              @{person.login}
            </a>
          </p>
        </div>
      </header>
      {person.bioHidden !== null ? (
        <HiddenTextNotice reason={person.bioHidden} by="the portal's admins" />
      ) : (
        person.bio && (
          <div className="max-w-3xl">
            <p className="whitespace-pre-line text-lg text-slate-700">{person.bio}</p>
            {actor && <ReportText kind="bio" login={person.login} action={reportTextAction} />}
          </div>
        )
      )}
      <Section id="roles-history" title="Roles in TAGs" empty={person.seats.length === 0 && "No TAG roles yet."}>
        <ul className="mt-2 space-y-1">
          {person.seats.map((s) => (
            <li key={s.id}>
              {roleName(s.kind, s.roleDefinition?.name)} of{" "}
              <a href={`/tags/${s.tag.slug}`} className="text-brand-700 underline">
                {s.tag.name}
              </a>{" "}
              <span className="text-sm text-slate-600">
                ({s.status.replace("_", " ")}
                {s.startAt && (
                  <>
                    , from <DateTime iso={s.startAt.toISOString()} />
                  </>
                )}
                {s.endedAt ? (
                  <>
                    , ended <DateTime iso={s.endedAt.toISOString()} />
                  </>
                ) : s.termEndAt ? (
                  <>
                    , term ends <DateOnly date={s.termEndAt} />
                  </>
                ) : null}
                {s.obtainedBy !== "appointed" && <>, {s.obtainedBy}</>})
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <div className="grid gap-4 md:grid-cols-2">
        <DefinitionSection id="about" title="About" size="base">
          <DefinitionItem term="Region">{person.region ?? "Not given"}</DefinitionItem>
          {person.country && <DefinitionItem term="Country">{countryName(person.country)}</DefinitionItem>}
          <DefinitionItem term="Employer">{person.employer ?? "Not given"}</DefinitionItem>
          <DefinitionItem term="Skills">
            <TagList label="Skills" tags={person.skills} />
          </DefinitionItem>
          <DefinitionItem term="Interests">
            <TagList label="Interests" tags={person.interests} />
          </DefinitionItem>
        </DefinitionSection>
        <Section id="contributions" title="Activity per TAG" size="base">
          <p className="mt-1 text-sm text-slate-600">
            Contributions each TAG counts (GitHub work, completed help-wanted items, verified reports), as of{" "}
            <DateOnly date={at} />.
          </p>
          {person.activity.length === 0 ? (
            <p className="mt-3 text-slate-700">No recorded contributions yet.</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {person.activity.map((a) => (
                <li key={a.tag.slug}>
                  <p className="flex flex-wrap items-center gap-2">
                    <a href={`/tags/${a.tag.slug}`} className="font-medium text-brand-700 underline">
                      {a.tag.name}
                    </a>
                    <ActivityBadge status={a.status} />
                  </p>
                  <p className="text-slate-700">
                    Last 30 days: {a.days[30]} · 90 days: {a.days[90]} · 365 days: {a.days[365]}
                  </p>
                  <p className="text-sm text-slate-600">
                    Active here means {a.rule}.{" "}
                    {a.lastAt ? (
                      <>
                        Last contribution <DateOnly date={a.lastAt} />.
                      </>
                    ) : (
                      "No contribution recorded here."
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      {pathways.length > 0 && (
        <Section id="pathways" title="Leadership pathway" size="base">
          <ul className="mt-3 space-y-4">
            {pathways.map((p) => (
              <li key={p.tag.slug}>
                <p className="font-medium">
                  <a href={`/tags/${p.tag.slug}`} className="text-brand-700 underline">
                    {p.tag.name}
                  </a>
                </p>
                <StandingSummary standing={p.standing} stepCount={p.ladder.length} />
              </li>
            ))}
          </ul>
        </Section>
      )}
      {timeline && (
        <Section id="timeline" title="Contribution timeline" size="base">
          <form method="get" className="mt-3 flex flex-wrap items-end gap-3" aria-label="Filter the timeline">
            <FilterSelect
              id="timeline-tag"
              name="tag"
              label="TAG"
              value={tagParam}
              allLabel="All TAGs"
              options={timeline.tags.map((t) => ({ value: t.slug, label: t.name }))}
            />
            <FilterSelect
              id="timeline-kind"
              name="kind"
              label="Kind"
              value={kindParam}
              allLabel="All kinds"
              options={TIMELINE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] ?? k }))}
            />
            <button type="submit" className={buttonClass("neutral", true)}>
              Filter
            </button>
          </form>
          <ColumnChart
            columns={timeline.months.map((m) => ({ label: formatMonth(m.month), short: formatMonth(m.month, true) }))}
            series={[{ name: "Contributions", values: timeline.months.map((m) => m.count) }]}
            summary={`${timeline.months.reduce((n, m) => n + m.count, 0)} in ${timeline.months.length} months`}
            caption={`Contributions per month${tagParam ? ` in ${timeline.tags.find((t) => t.slug === tagParam)?.name ?? tagParam}` : ""}${kindParam ? `, ${KIND_LABEL[kindParam]}` : ""}`}
          />
        </Section>
      )}
    </div>
  );
}

const PILL = "rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800 ring-1 ring-brand-100";

function TagList({ label, tags }: { label: string; tags: string[] }) {
  if (tags.length === 0) return <span className="text-slate-700">None listed</span>;
  return (
    <ul aria-label={label} className="mt-1 flex flex-wrap gap-2">
      {tags.map((t) => (
        <li key={t} className={PILL}>
          {t}
        </li>
      ))}
    </ul>
  );
}
