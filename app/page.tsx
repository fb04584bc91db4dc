import Link from "next/link";
import { AttentionList } from "@/components/attention-list";
import { MyElections } from "@/components/elections/my-elections";
import { getActor } from "@/lib/auth/actor";
import { todayFor } from "@/lib/dashboards/today";
import { DecisionList } from "@/components/decisions/decision-list";
import { Section } from "@/components/ui/section";
import { ActionForm } from "@/components/ui/action-form";
import { skipProfileStepAction } from "@/app/(portal)/welcome/actions";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const { notice } = await searchParams;
  const actor = await getActor();
  const today = actor ? await todayFor(actor) : null;
  return (
    <div className="space-y-10">
      {today?.profileStep && (
        <section aria-labelledby="profile-step" className="space-y-3 rounded-xl bg-brand-50 p-6 ring-1 ring-brand-200">
          <h2 id="profile-step" className="text-lg font-semibold text-brand-800">
            Welcome! Tell TAGs what you can help with
          </h2>
          <p className="text-slate-700">
            Five short questions (region, timezone, skills, hours, interests) let TAGs suggest work that fits you.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Link
              href="/welcome"
              className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
            >
              Complete your profile
            </Link>
            <ActionForm
              action={skipProfileStepAction}
              submit="Skip for now"
              variant="secondary"
              label="Skip the profile step"
              compact
            />
          </div>
        </section>
      )}
      {today?.decisions && (
        <Section id="toc-decisions" title="TOC decisions awaiting your vote" className="space-y-3">
          <DecisionList
            decisions={today.decisions.toCast}
            empty="No open TOC decision waits for your vote."
            label="TOC decisions awaiting your vote"
          />
          {today.decisions.others.length > 0 && (
            <DecisionList decisions={today.decisions.others} empty="" label="Other open TOC decisions" />
          )}
        </Section>
      )}
      {today?.leads.map(({ tag, items }) => (
        <div key={tag.id} className="space-y-2">
          <AttentionList
            id={`lead-${tag.slug}`}
            title={`${tag.name}: waiting for its leads`}
            items={items}
            empty={`Nothing waits for the leads of ${tag.name} today.`}
          />
          <p className="text-sm">
            <Link href={`/manage/${tag.slug}`} className="text-brand-700 underline">
              Open the lead console of {tag.name}
            </Link>
          </p>
        </div>
      ))}
      {/* Elections open or upcoming come first for signed-in people (issue 7). */}
      <MyElections viewer={actor} />
      {today && (
        <AttentionList
          id="today"
          title="Your work today"
          items={today.personal}
          empty="Nothing needs you today. Browse the help-wanted board for something new."
        />
      )}
      {notice === "account-deleted" && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900 ring-1 ring-green-200">
          Your account and personal data were deleted. Thank you for your help.
        </p>
      )}
      <section
        aria-labelledby="hero"
        className="rounded-2xl bg-gradient-to-br from-brand-50 to-white p-8 ring-1 ring-brand-100"
      >
        <h1 id="hero" className="text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">
          Where CNCF TAGs find help and keep their leadership honest
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-slate-700">
          TAG Portal links CNCF Ambassadors with the Technical Advisory Groups that need them. TAG chairs post
          help-wanted work, ambassadors volunteer and report progress, and every TAG keeps its roster, terms and Tech
          Lead elections in the open.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href="/help-wanted"
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            Browse help wanted
          </Link>
          <Link
            href="/tags"
            className="rounded-md bg-white px-4 py-2 font-medium text-brand-800 ring-1 ring-brand-600 hover:bg-brand-50"
          >
            Meet the TAGs
          </Link>
        </div>
      </section>
      <section aria-labelledby="who" className="grid gap-6 md:grid-cols-3">
        <h2 id="who" className="sr-only">
          Who it is for
        </h2>
        {[
          [
            "Ambassadors",
            "Sign in with GitHub, find items that fit your skills, region and time, claim them and report progress.",
          ],
          [
            "TAG chairs and tech leads",
            "Post help-wanted items, accept volunteers, define roles with terms and regional seats, and run Tech Lead elections with secret ranked ballots.",
          ],
          [
            "The TOC",
            "See every TAG's seats, regions, employers, terms ending and who is active, and approve leadership changes.",
          ],
        ].map(([title, text]) => (
          <article key={title} className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
            <h3 className="text-lg font-semibold text-slate-900">{title}</h3>
            <p className="mt-2 text-slate-700">{text}</p>
          </article>
        ))}
      </section>
    </div>
  );
}
