import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Card, EmptyState, Section, Subsection, Tile } from "@/components/ui/section";
import Link from "next/link";
import { METHOD_LABEL, PHASE_LABEL, PHASE_SHORT, seatsText, TEST_ELECTION_NOTE } from "@/components/elections/labels";
import { PhaseTimeline } from "@/components/elections/phase-timeline";
import { StatusBadge, candidateText } from "@/components/elections/status-text";
import { Markdown, MarkdownSection } from "@/components/markdown";
import { Avatar } from "@/components/ui/avatar";
import { DateTime } from "@/components/ui/time";
import type { getElection } from "@/lib/elections/queries";
import { loadForPage } from "@/app/_lib/load-election";
import { now } from "@/lib/clock";
import {
  DecideExceptionForm,
  ElectionForm,
  EndorseButton,
  ExceptionForm,
  ExtendWindowForm,
  MovePhaseForm,
  WithdrawForm,
} from "../_components/election-forms";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { HiddenTextNotice, ReportText } from "@/components/reports/report-text";
import { hiddenTexts } from "@/lib/reports/queries";
import { reportTextAction } from "@/app/help-wanted/[id]/actions";

export const metadata: Metadata = { title: "Election" };

const NEXT_PHASE: Record<string, string | undefined> = {
  draft: "nominations",
  nominations: "voting",
  voting: "closed",
};

function rulesList(e: Awaited<ReturnType<typeof getElection>>) {
  const c = (e.constraints ?? {}) as {
    maxPerEmployer?: number;
    maxPerRegion?: Record<string, number>;
    minPerRegion?: Record<string, number>;
  };
  const constraints = [
    c.maxPerEmployer ? `at most ${c.maxPerEmployer} per employer` : null,
    ...Object.entries(c.maxPerRegion ?? {}).map(([r, n]) => `at most ${n} from ${r}`),
    ...Object.entries(c.minPerRegion ?? {}).map(([r, n]) => `at least ${n} from ${r}`),
  ].filter(Boolean);
  return [
    [
      "Seats this cycle",
      `${seatsText(e.seatsByRegion)} (${e.role.name}${e.role.termMonths ? `, ${e.role.termMonths}-month terms` : ""}${e.staggerTerms ? "; first election: half the winners get half-length terms to start the stagger" : ""})`,
    ],
    [
      "Who may stand",
      e.candidateRule === "any-member"
        ? "any member (self-nomination)"
        : `members with at least ${e.candidateMinRecords} contributions in the last ${e.candidateWindowMonths} months (self-nomination)`,
    ],
    [
      "Endorsements",
      e.endorsementsRequired
        ? `${e.endorsementsRequired} from eligible voters${e.endorsementEmployers ? `, from at least ${e.endorsementEmployers} employers` : ""}`
        : "none needed",
    ],
    [
      "Who may vote",
      [
        e.votersIncludeLeaders ? "the TAG's chairs and tech leads" : null,
        e.voterMinRecords
          ? `members with at least ${e.voterMinRecords} contributions in the last ${e.voterWindowMonths} months`
          : null,
        "people on the officers' voter list",
        "granted exceptions",
      ]
        .filter(Boolean)
        .join(", "),
    ],
    ["Count", METHOD_LABEL[e.method] ?? e.method],
    ["Constraints", constraints.length ? constraints.join(", ") : "none beyond the seats by region"],
    [
      "Ballots",
      e.publishBallots || e.method === "stv"
        ? "published anonymously with the result (ballots.json, ballots.blt)"
        : "kept secret; only the pairwise matrix is published",
    ],
  ] as const;
}

export default async function ElectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, e } = await loadForPage((await params).id);
  const v = e.viewer;
  const next = NEXT_PHASE[e.phase];
  const active = e.nominations.filter((n) => n.status !== "withdrawn");
  const mine = actor ? e.nominations.find((n) => n.userId === actor.id) : undefined;
  const pendingException = (kind: string) => v.exception.some((x) => x.kind === kind && x.status === "pending");
  const open = e.phase === "nominations" || e.phase === "voting";
  // Past the exception deadline the request forms go; the deadline stays in the rules.
  const exceptionsOpen = !e.exceptionDueAt || (await now()) < e.exceptionDueAt;
  const standing = candidateText(v.candidateStatus);
  const hiddenStatements = await hiddenTexts(
    "statement",
    e.nominations.map((n) => n.id),
  );
  return (
    <div className="space-y-8">
      <PageHeader
        title={e.title}
        eyebrow={
          <>
            <Breadcrumbs trail={[{ href: "/elections", label: "Elections" }]} current={e.title} />
            <p className="mt-1">
              <Link href={`/tags/${e.tag.slug}`} className="text-brand-700 underline">
                {e.tag.name}
              </Link>{" "}
              ·{" "}
              <a href={`/tags/${e.tag.slug}/elections.ics`} className="text-brand-700 underline">
                calendar (iCal)
              </a>
            </p>
          </>
        }
      >
        <p>
          <Badge tone="brand">{PHASE_LABEL[e.phase]}</Badge> {e.isTest && <Badge tone="amber">Test election</Badge>}{" "}
          <span className="text-sm text-slate-700">{seatsText(e.seatsByRegion)}</span>
        </p>
        {e.isTest && <Notice className="text-sm">{TEST_ELECTION_NOTE}</Notice>}
        {e.phase === "cancelled" && (
          <Notice tone="warning" className="text-sm">
            Cancelled
            {e.cancelledAt && (
              <>
                {" "}
                <DateTime iso={e.cancelledAt.toISOString()} />
              </>
            )}
            : {e.cancelReason}. Its ballots were destroyed.
          </Notice>
        )}
        {e.sentBackReason && e.phase === "closed" && (
          <Notice tone="warning" className="text-sm">
            Sent back by the TOC: {e.sentBackReason}
          </Notice>
        )}
        {["tallied", "approved", "published"].includes(e.phase) && (
          <p>
            <Link href={`/elections/${e.id}/results`} className="font-medium text-brand-700 underline">
              {e.phase === "published" ? "Results" : "Results (officers and TOC members)"}
            </Link>
          </p>
        )}
      </PageHeader>

      {e.description && <MarkdownSection id="about-h" title="About this election" text={e.description} />}

      <PhaseTimeline e={e} />

      <Section id="status-h" title="Your status" className="space-y-3">
        {!actor ? (
          <p className="text-slate-700">
            <Link href={`/sign-in?callbackUrl=/elections/${e.id}`} className="text-brand-700 underline">
              Sign in
            </Link>{" "}
            to see whether you may vote or stand.
          </p>
        ) : (
          <>
            <p className="flex flex-wrap items-center gap-2">
              <StatusBadge voter={v.voterStatus} phase={e.phase} />
              {v.canVote && (
                <Link
                  href={`/elections/${e.id}/vote`}
                  className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
                >
                  Vote now
                </Link>
              )}
              {v.voted && e.phase === "voting" && (
                <Link href={`/elections/${e.id}/vote`} className="text-sm text-brand-700 underline">
                  Replace your ballot (needs your receipt)
                </Link>
              )}
            </p>
            {standing && <p className="text-slate-700">{standing}</p>}
            {v.isOfficer && (
              <p className="text-sm text-slate-600">You are an officer of this election: officers cannot stand.</p>
            )}
            {v.exception.length > 0 && (
              <ul className="space-y-1 text-sm">
                {v.exception.map((x) => (
                  <li key={x.id}>
                    Your request to {x.kind}: <strong>{x.status}</strong>
                    {x.decisionReason && ` (${x.decisionReason})`}
                  </li>
                ))}
              </ul>
            )}
            {open &&
              exceptionsOpen &&
              typeof v.voterStatus === "object" &&
              v.voterStatus !== null &&
              !pendingException("vote") && <ExceptionForm electionId={e.id} kind="vote" />}
            {e.phase === "nominations" &&
              exceptionsOpen &&
              typeof v.candidateStatus === "object" &&
              v.candidateStatus !== null &&
              !v.isOfficer &&
              !pendingException("stand") && <ExceptionForm electionId={e.id} kind="stand" />}
            {v.candidateStatus === "eligible" && !v.isOfficer && <ElectionForm form="nominate" electionId={e.id} />}
            {mine && mine.status === "active" && (e.phase === "nominations" || e.phase === "voting") && (
              <WithdrawForm nominationId={mine.id} duringVoting={e.phase === "voting"} />
            )}
          </>
        )}
        {e.turnout && (
          <p className="text-sm text-slate-700">
            Turnout: {e.turnout.voted} of {e.turnout.eligible} eligible voters ({e.turnout.percent}%).
          </p>
        )}
      </Section>

      {e.votingGuide && <MarkdownSection id="guide-h" title="How to vote" text={e.votingGuide} />}

      <Section id="rules-h" title="Rules" plain className="space-y-2">
        <Card>
          <DefinitionList layout="grid">
            {rulesList(e).map(([k, text]) => (
              <DefinitionItem key={k} term={k}>
                {text}
              </DefinitionItem>
            ))}
            <DefinitionItem term="Officers">{e.officers.map((o) => `@${o.login}`).join(", ")}</DefinitionItem>
            {e.eligibilityText && <DefinitionItem term="Who may vote">{e.eligibilityText}</DefinitionItem>}
            {e.exceptionDescription && <DefinitionItem term="Exceptions">{e.exceptionDescription}</DefinitionItem>}
            <DefinitionItem term="Exception requests">
              {e.exceptionDueAt ? (
                <>
                  until <DateTime iso={e.exceptionDueAt.toISOString()} />
                </>
              ) : (
                "until voting closes"
              )}
            </DefinitionItem>
            {e.rollPublishedAt && (
              <DefinitionItem term="Voter roll">
                <Link href={`/elections/${e.id}/voters`} className="text-brand-700 underline">
                  Review the voter roll
                </Link>
              </DefinitionItem>
            )}
          </DefinitionList>
        </Card>
      </Section>

      <Section id="candidates-h" title="Candidates" plain>
        {active.length === 0 && (
          <EmptyState>
            {e.phase === "draft" || e.phase === "nominations"
              ? "Nobody has stood yet."
              : "Nobody stood in this election."}
          </EmptyState>
        )}
        {e.nominations.map((n) => (
          <Card
            as="article"
            key={n.id}
            aria-labelledby={`cand-${n.id}`}
            className={`space-y-2 ${n.status === "withdrawn" ? "opacity-70" : ""}`}
          >
            <h3 id={`cand-${n.id}`} className="flex items-center gap-2 text-lg font-semibold text-slate-900">
              <Avatar login={n.login} src={n.avatarUrl} size={32} />
              <a href={`/people/${n.login}`} className="text-brand-700 underline">
                {n.name ?? n.login}
              </a>
              <span className="text-sm font-normal text-slate-600">@{n.login}</span>
              <Link
                href={`/elections/${e.id}/candidates/${n.id}`}
                className="text-sm font-normal text-brand-700 underline"
              >
                Candidate page<span className="sr-only"> of @{n.login}</span>
              </Link>
              {n.status === "withdrawn" && (
                <Badge>{n.withdrawnDuringVoting ? "withdrew during voting" : "withdrawn"}</Badge>
              )}
            </h3>
            <p className="text-sm text-slate-700">
              Region: {n.region ?? "not given"} · Employer: {n.employer ?? "not given"} · {n.contributions.total}{" "}
              contributions to {e.tag.name} in the 12 months to{" "}
              <DateTime iso={n.contributions.window.to.toISOString()} />
              {n.contributions.lastAt && (
                <>
                  {" "}
                  (last <DateTime iso={n.contributions.lastAt.toISOString()} />)
                </>
              )}
              {e.endorsementsRequired > 0 &&
                ` · ${n.endorsements.count} of ${e.endorsementsRequired} endorsements${n.endorsements.met ? " (enough)" : ""}`}
            </p>
            {hiddenStatements.has(n.id) ? (
              <HiddenTextNotice reason={hiddenStatements.get(n.id)!} />
            ) : (
              <Markdown>{n.statement}</Markdown>
            )}
            {actor && n.userId !== actor.id && !hiddenStatements.has(n.id) && (
              <ReportText kind="statement" id={n.id} action={reportTextAction} />
            )}
            {actor &&
              e.phase === "nominations" &&
              e.endorsementsRequired > 0 &&
              n.status !== "withdrawn" &&
              n.userId !== actor.id &&
              !n.endorsedByViewer && <EndorseButton nominationId={n.id} who={`@${n.login}`} />}
            {n.endorsedByViewer && <p className="text-sm text-slate-600">You endorsed this candidate.</p>}
          </Card>
        ))}
      </Section>

      {v.isOfficer && (
        <Section id="officer-h" title="Officer panel" tone="brand" className="space-y-4">
          {next ? (
            <Subsection title="Phase">
              <p className="text-sm text-slate-600">
                The phase job moves the election on its own at the times above; move it now only with a reason (recorded
                in the audit log).
                {next === "closed" && " Closing counts the ballots at once."}
              </p>
              <MovePhaseForm electionId={e.id} to={next} label={PHASE_SHORT[next]!} />
            </Subsection>
          ) : e.phase === "cancelled" ? null : (
            <p className="text-sm text-slate-600">
              {e.isTest
                ? "Voting is over: the test count is on the results page; a test never goes to the TOC."
                : "Voting is over: the count, the TOC's approval and publication follow on the results page."}
            </p>
          )}
          <p className="text-sm">
            <a href={`/elections/${e.id}/elekto.zip`} className="text-brand-700 underline" download>
              Download as an Elekto folder (zip)
            </a>{" "}
            (the voter roll; ballots.csv once the ballots are counted and published).
          </p>
          {["approved", "published"].includes(e.phase) && !e.isTest && (
            <p className="text-sm">
              A seat this election filled fell vacant?{" "}
              <Link href={`/elections/${e.id}/offers`} className="text-brand-700 underline">
                Offer it to the runners-up, in order
              </Link>
              .
            </p>
          )}
          {open && (
            <Subsection title="Extend a window">
              <ExtendWindowForm
                electionId={e.id}
                fields={
                  e.phase === "nominations"
                    ? [
                        { value: "nominationsCloseAt", label: "Nominations close" },
                        { value: "votingCloseAt", label: "Voting closes" },
                      ]
                    : [{ value: "votingCloseAt", label: "Voting closes" }]
                }
              />
            </Subsection>
          )}
          <Subsection title="Exception requests">
            {!e.exceptions?.length ? (
              <p className="text-sm text-slate-600">None.</p>
            ) : (
              <ul className="space-y-3">
                {e.exceptions.map((x) => (
                  <Tile key={x.id} className="space-y-2 text-sm">
                    <p>
                      <strong>@{x.login}</strong> asks to {x.kind} (<DateTime iso={x.createdAt.toISOString()} />
                      ): {x.reason}
                    </p>
                    {x.status === "pending" ? (
                      <DecideExceptionForm exceptionId={x.id} who={`@${x.login}`} />
                    ) : (
                      <p className="text-slate-700">
                        {x.status}
                        {x.decisionReason && `: ${x.decisionReason}`}
                      </p>
                    )}
                  </Tile>
                ))}
              </ul>
            )}
          </Subsection>
          {(e.phase === "draft" || e.phase === "nominations") && (
            <Subsection title="Voter roll">
              {e.rollPublishedAt ? (
                <p className="text-sm text-slate-700">
                  Published for review <DateTime iso={e.rollPublishedAt.toISOString()} />; corrections until voting
                  opens.{" "}
                  <Link href={`/elections/${e.id}/voters`} className="text-brand-700 underline">
                    Read the roll
                  </Link>
                </p>
              ) : (
                <>
                  <p className="text-sm text-slate-700">
                    <Link href={`/elections/${e.id}/voters`} className="text-brand-700 underline">
                      The roll as the rules make it now
                    </Link>{" "}
                    (only officers see it until you publish it).
                  </p>
                  <ElectionForm form="publishRoll" electionId={e.id} />
                </>
              )}
              <ElectionForm form="voterList" electionId={e.id} />
            </Subsection>
          )}
          {["draft", "nominations", "voting", "closed"].includes(e.phase) && (
            <Subsection title="Cancel">
              <ElectionForm form="cancel" electionId={e.id} />
            </Subsection>
          )}
        </Section>
      )}
    </div>
  );
}
