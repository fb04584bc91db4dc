import { FilterSelect } from "@/components/ui/filter-select";
import { LocalTime } from "@/components/ui/local-time";
import { SEAT_LABEL } from "@/components/roster-table";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@/components/ui/avatar";
import { buttonClass } from "@/components/ui/button";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { Section } from "@/components/ui/section";
import { now } from "@/lib/clock";
import { KIND_LABEL } from "@/lib/contributions/schemas";
import { contributionTimeline, TIMELINE_KINDS } from "@/lib/contributions/timeline";
import { TimelineChart } from "@/lib/contributions/timeline-svg";
import { describeContributionKinds, formatDay } from "@/lib/people/format";
import { findPublicProfile } from "@/lib/people/queries";

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
 * A person's public profile: only the fields DESIGN.md makes public. Timezone and hours are for
 * the leads of TAGs the person works with, which this page does not show yet; email never.
 */
export default async function PersonPage({ params, searchParams }: Props) {
  const person = await load((await params).login);
  if (!person) notFound();
  const sp = (await searchParams) ?? {};
  const tagParam = typeof sp.tag === "string" && /^[a-z0-9-]{1,60}$/.test(sp.tag) ? sp.tag : undefined;
  const kindParam = TIMELINE_KINDS.find((k) => k === sp.kind);
  const timeline = await contributionTimeline(person.login, await now(), { tagSlug: tagParam, kind: kindParam });
  const kinds = describeContributionKinds(person.activity.byKind);
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
      {person.bio && <p className="max-w-3xl whitespace-pre-line text-lg text-slate-700">{person.bio}</p>}
      <Section id="roles-history" title="Roles in TAGs" empty={person.seats.length === 0 && "No TAG roles yet."}>
        <ul className="mt-2 space-y-1">
          {person.seats.map((s) => (
            <li key={s.id}>
              {s.roleDefinition?.name ?? SEAT_LABEL[s.kind] ?? s.kind} of{" "}
              <a href={`/tags/${s.tag.slug}`} className="text-brand-700 underline">
                {s.tag.name}
              </a>{" "}
              <span className="text-sm text-slate-600">
                ({s.status.replace("_", " ")}
                {s.startAt && (
                  <>
                    , from <LocalTime iso={s.startAt.toISOString()} />
                  </>
                )}
                {s.endedAt ? (
                  <>
                    , ended <LocalTime iso={s.endedAt.toISOString()} />
                  </>
                ) : s.termEndAt ? (
                  <>
                    , term ends <LocalTime iso={s.termEndAt.toISOString()} />
                  </>
                ) : null}
                {s.obtainedBy !== "appointed" && <>, {s.obtainedBy}</>})
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <div className="grid gap-4 md:grid-cols-2">
        <Section id="about" title="About" size="base">
          <DefinitionList className="mt-3">
            <DefinitionItem term="Region">{person.region ?? "Not given"}</DefinitionItem>
            <DefinitionItem term="Employer">{person.employer ?? "Not given"}</DefinitionItem>
            <DefinitionItem term="Skills">
              <TagList label="Skills" tags={person.skills} />
            </DefinitionItem>
            <DefinitionItem term="Interests">
              <TagList label="Interests" tags={person.interests} />
            </DefinitionItem>
          </DefinitionList>
        </Section>
        <Section id="contributions" title="Contributions in the last 12 months" size="base">
          <p className="mt-1 text-sm text-slate-600">
            <time dateTime={person.activityFrom.toISOString()}>{formatDay(person.activityFrom)}</time> to{" "}
            <time dateTime={person.activityTo.toISOString()}>{formatDay(person.activityTo)}</time>, across all TAGs
          </p>
          {person.activity.total === 0 ? (
            <p className="mt-3 text-slate-700">No recorded contributions in this period.</p>
          ) : (
            <>
              <p className="mt-3 text-2xl font-semibold text-brand-800">
                {person.activity.total} {person.activity.total === 1 ? "contribution" : "contributions"}
              </p>
              <ul className="mt-2 list-inside list-disc text-slate-700">
                {kinds.map((k) => (
                  <li key={k}>{k}</li>
                ))}
              </ul>
              {person.activity.lastAt && (
                <p className="mt-2 text-sm text-slate-600">
                  Most recent:{" "}
                  <time dateTime={person.activity.lastAt.toISOString()}>{formatDay(person.activity.lastAt)}</time>
                </p>
              )}
            </>
          )}
        </Section>
      </div>
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
          <TimelineChart
            months={timeline.months}
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
