import type { Metadata } from "next";
import { DateOnly } from "@/components/ui/time";
import { isoDay } from "@/lib/vocabulary";
import { PersonLink } from "@/components/ui/person-link";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Section, TileList } from "@/components/ui/section";
import { UserLink } from "@/components/ui/user-link";
import { getActor } from "@/lib/auth/actor";
import { canInAnyTag } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { listOwnSelfReports, listTagChoices, listToVerify } from "@/lib/contributions/queries";
import { KIND_LABEL } from "@/lib/contributions/schemas";
import { selfReportAction, verifyAction } from "./actions";
import { SelfReportForm, VerifyForm } from "./_components/forms";

export const metadata: Metadata = { title: "Contributions" };

const STATE_TONE: Record<string, BadgeTone> = { pending: "amber", verified: "green", rejected: "red" };

const DECIDED: Record<string, string> = {
  verified: "Verified: it now counts towards the person's activity.",
  rejected: "Rejected: the person has been notified.",
};

/** Own self-reported contributions and the form to report one; for leads, the reports waiting for them. */
export default async function ContributionsPage({ searchParams }: { searchParams: Promise<{ decided?: string }> }) {
  const user = await requireUser("/contributions");
  const { decided } = await searchParams;
  const [actor, at, tags, mine] = await Promise.all([getActor(), now(), listTagChoices(), listOwnSelfReports(user.id)]);
  const toVerify = actor ? await listToVerify(actor) : [];
  const mayVerify = canInAnyTag(actor, "contribution.verify");

  return (
    <div className="space-y-8">
      <PageHeader title="Contributions">
        <Lead>
          Work on GitHub is counted automatically. Report talks, blog posts, podcasts, assessments and other work here:
          a lead of the TAG verifies it before it counts towards your activity.
        </Lead>
      </PageHeader>
      <div role="status" aria-live="polite">
        {decided && DECIDED[decided] && <Notice>{DECIDED[decided]}</Notice>}
      </div>

      <Section id="report" title="Report a contribution" empty={tags.length === 0 && "No TAGs yet."}>
        <div className="mt-3">
          <SelfReportForm action={selfReportAction} tags={tags} today={isoDay(at)} />
        </div>
      </Section>

      <Section id="mine" title="Your reports" count={mine.length} empty="You have not reported anything yet.">
        <DataTable
          caption="Your self-reported contributions"
          rows={mine}

          columns={MINE_COLUMNS}
        />
      </Section>

      {mayVerify && (
        <Section
          id="verify"
          title="To verify"
          count={toVerify.length}
          description={
            <>
              Self-reports in the TAGs you lead. GitHub work is imported by webhooks and by a{" "}
              <Link href="/admin/sync" className="text-brand-700 underline">
                GitHub sync
              </Link>
              .
            </>
          }
          empty="Nothing waits for you."
        >
          <TileList items={toVerify}>
            {(r) => (
              <>
                <p className="text-sm text-slate-900">
                  <PersonLink login={r.user.login} strong /> · {KIND_LABEL[r.kind]} · <DateOnly date={r.occurredAt} /> ·{" "}
                  {r.tag?.name ?? "no TAG"}
                </p>
                <p className="font-medium">
                  <RecordTitle record={r} />
                </p>
                <VerifyForm action={verifyAction} recordId={r.id} title={r.title} />
              </>
            )}
          </TileList>
        </Section>
      )}
    </div>
  );
}

/** A record's title, linked to its page when it has one (links come from people: nofollow). */
function RecordTitle({ record: r }: { record: { title: string; link: string | null } }) {
  return r.link ? <UserLink href={r.link}>{r.title}</UserLink> : r.title;
}

type Report = Awaited<ReturnType<typeof listOwnSelfReports>>[number];

const MINE_COLUMNS: Column<Report>[] = [
  {
    header: "Date",
    cell: (r) => <DateOnly date={r.occurredAt} />,
    sort: (r) => r.occurredAt,
    className: "whitespace-nowrap",
  },
  { header: "Kind", cell: (r) => KIND_LABEL[r.kind], sort: (r) => KIND_LABEL[r.kind] },
  { header: "Title", cell: (r) => <RecordTitle record={r} />, sort: (r) => r.title },
  {
    header: "TAG",
    cell: (r) => (r.tag ? <Link href={`/tags/${r.tag.slug}`}>{r.tag.name}</Link> : "—"),
    sort: (r) => r.tag?.name ?? null,
  },
  {
    header: "State",
    cell: (r) => (
      <>
        <Badge tone={STATE_TONE[r.verification]}>{r.verification}</Badge>
        {r.rejectReason && <span className="ml-2 text-slate-700">{r.rejectReason}</span>}
      </>
    ),
    sort: (r) => r.verification,
  },
];
