import type { Metadata } from "next";
import Link from "next/link";
import { PHASE_LABEL, TEST_ELECTION_NOTE } from "@/components/elections/labels";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Section } from "@/components/ui/section";
import { loadForPage } from "@/app/_lib/load-election";
import { can } from "@/lib/auth/permissions";
import { getElectionResults } from "@/lib/elections/queries";
import { AppError } from "@/lib/errors";
import { ElectionForm, ReceiptCheckForm } from "../../_components/election-forms";
import { resultDecisionOf } from "@/lib/decisions/queries";
import { decisionLink } from "@/lib/decisions/decisions";
import { ElectionCrumbs } from "@/components/elections/election-links";

export const metadata: Metadata = { title: "Election results" };

const FILE_HELP: Record<string, string> = {
  "matrix.json": "pairwise counts: how many voters ranked each candidate above each other",
  "rules.json": "the constraints the count applied (seats by region, employer cap)",
  "result.json": "the count's outcome, as `npm run tally -- … --json` prints it",
  "ballots.json": "every ballot, anonymous, sorted by receipt hash",
  "ballots.blt": "the same ballots in the BLT format, for any STV or Condorcet counter",
};

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, e } = await loadForPage((await params).id);
  let r;
  // Any refusal here, a missing count included, is said on the page: the election itself exists.
  let refusal: string | null = null;
  try {
    r = await getElectionResults(e.id, actor);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    refusal = err.message;
  }
  const header = (
    <PageHeader
      title={`${e.isTest ? "Test results" : "Results"}: ${e.title}`}
      compact
      eyebrow={
        <>
          <ElectionCrumbs e={e} current="Results" />
          <p className="mt-1">
            {e.tag.name} · {PHASE_LABEL[e.phase]}
          </p>
        </>
      }
    />
  );
  if (!r) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState>{refusal}</EmptyState>
      </div>
    );
  }
  const names = r.matrix.candidates;
  const nameOf = (login: string) => e.nominations.find((n) => n.login === login)?.name ?? login;
  const decision = e.phase === "tallied" ? await resultDecisionOf(e.id) : null;
  const mayPublish = e.phase === "approved" && (e.viewer.isOfficer || can(actor, "election.approve"));
  const withdrew = r.excluded.filter((x) => x.reason === "withdrawn");
  const passedOver = r.excluded.filter((x) => x.reason !== "withdrawn");
  const seedFile =
    r.lot.seedSource ?? (r.artifacts.some((a) => a.name === "ballots.blt") ? "ballots.blt" : "matrix.json");
  return (
    <div className="space-y-8">
      {header}
      {e.isTest && (
        <Notice tone="warning" className="text-sm">
          {TEST_ELECTION_NOTE} These are the test count&apos;s files; the ballots themselves are gone.
        </Notice>
      )}
      {e.phase !== "published" && !e.isTest && (
        <Notice tone="warning" className="text-sm">
          Not public yet: only the officers and TOC members see this until the TOC approves it and it is published.
        </Notice>
      )}
      {r.counts.eligible !== null && (
        <p className="text-sm text-slate-700">
          {r.counts.voted} of {r.counts.eligible} eligible voters voted (
          {r.counts.eligible ? Math.round(((r.counts.voted ?? 0) / r.counts.eligible) * 1000) / 10 : 0}%);{" "}
          {r.counts.ballots} ballots counted by {r.method === "stv" ? "STV" : "the Schulze method"}.
        </p>
      )}

      <Section id="winners-h" title="Winners" className="space-y-2">
        <ol className="list-decimal space-y-1 pl-6">
          {r.winners.map((w) => (
            <li key={w.name}>
              <strong>{nameOf(w.name)}</strong> (@{w.name}) · {w.region ?? "region not given"} ·{" "}
              {w.employer ?? "employer not given"}
            </li>
          ))}
        </ol>
        {r.winners.length === 0 && <p className="text-slate-700">No seat was filled.</p>}
      </Section>

      {withdrew.length > 0 && (
        <Section id="withdrawn-h" title="Withdrew during voting" plain className="space-y-2">
          <p className="text-slate-700">
            {withdrew.map((x) => `@${x.name}`).join(", ")} withdrew after voting opened. The count passed over{" "}
            {withdrew.length === 1 ? "this candidate" : "these candidates"}: a ballot that ranked them counts for the
            next candidates it ranked.
          </p>
        </Section>
      )}

      <Section id="excluded-h" title="Passed over by the constraints" plain className="space-y-2">
        {passedOver.length === 0 ? (
          <p className="text-slate-700">Nobody: the constraints changed no one&apos;s place.</p>
        ) : (
          <ul className="list-disc pl-6">
            {passedOver.map((x) => (
              <li key={x.name}>
                @{x.name}: {x.reason}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="ties-h" title="Ties and the lot" plain className="space-y-2">
        {r.ties.length === 0 ? (
          <p className="text-slate-700">No tie had to be broken: no lot was drawn.</p>
        ) : (
          <>
            <p className="text-slate-700">
              {r.ties.length === 1 ? "A tie" : `${r.ties.length} ties`} had to be broken by lot. The lot is not random
              at the moment of counting: it is seeded with the SHA-256 of {seedFile}, so anyone re-counting the
              published file draws the same lot.
            </p>
            <ul className="list-disc pl-6">
              {r.ties.map((t, i) => (
                <li key={i}>
                  Tied: {t.names.map((n) => `@${n}`).join(", ")}
                  {t.stage ? ` (stage ${t.stage})` : ""}; the lot ordered them {t.order.map((n) => `@${n}`).join(", ")}.
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="text-sm text-slate-600">
          Lot seed: <code className="break-all font-mono">{r.lot.seed}</code>
        </p>
      </Section>

      {r.method === "schulze" || !r.stages ? (
        <Section id="matrix-h" title="Pairwise preferences" plain className="space-y-2">
          <p className="text-sm text-slate-600">
            Each cell: how many voters ranked the row&apos;s candidate above the column&apos;s.
          </p>
          <DataTable
            caption="Pairwise preferences: voters who ranked the row candidate above the column candidate"
            framed
            rows={names.map((name, i) => ({ name, i }))}
            rowKey={(x) => x.name}
            columns={[
              { header: "Candidate", rowHeader: true, cell: (x) => `@${x.name}` },
              ...names.map((col, j) => ({
                header: `over @${col}`,
                className: "tabular-nums",
                cell: (x: { name: string; i: number }) =>
                  x.i === j ? <span aria-label="not applicable">—</span> : (r.matrix.pairwise[x.i]?.[j] ?? 0),
              })),
            ]}
          />
        </Section>
      ) : (
        <Section id="stages-h" title="STV stages" plain className="space-y-2">
          <DataTable
            caption="Votes of each candidate at the end of each stage"
            framed
            rows={r.stages.map((stage, i) => ({ stage, i }))}
            rowKey={(x) => String(x.i)}
            columns={[
              { header: "Stage", rowHeader: true, cell: (x) => x.i + 1 },
              ...r.outcome.candidates.map((n, j) => ({
                header: `@${n}`,
                className: "tabular-nums",
                cell: (x: { stage: { votes: number[] }; i: number }) =>
                  Math.round((x.stage.votes[j] ?? 0) * 1000) / 1000,
              })),
              { header: "What happened", cell: (x) => x.stage.action },
            ]}
          />
        </Section>
      )}

      <Section id="files-h" title="Files for a re-count" plain className="space-y-2">
        <ul className="space-y-2 text-sm">
          {r.artifacts.map((a) => (
            <li key={a.name}>
              <a href={`/elections/${e.id}/results/${a.name}`} className="font-medium text-brand-700 underline">
                {a.name}
              </a>{" "}
              — {FILE_HELP[a.name] ?? "published file"}
              <br />
              <span className="text-slate-600">
                SHA-256 <code className="break-all font-mono">{a.sha256}</code>
              </span>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-700">
          Re-count:{" "}
          <code className="font-mono">
            npm run tally -- {seedFile} --rules rules.json --json{r.method === "stv" ? " --method stv" : ""}
          </code>{" "}
          prints result.json.
        </p>
      </Section>

      {e.phase === "published" &&
        (actor ? (
          <ReceiptCheckForm electionId={e.id} />
        ) : (
          <p className="text-sm text-slate-700">
            <Link href={`/sign-in?callbackUrl=/elections/${e.id}/results`} className="text-brand-700 underline">
              Sign in
            </Link>{" "}
            to check a receipt, or look for its hash in ballots.json.
          </p>
        ))}

      {decision && (
        <Section id="approve-h" title="TOC decision" tone="brand" className="space-y-3">
          <p className="text-slate-800">
            The TOC decides this result by vote; approval seats the winners.{" "}
            <Link href={decisionLink(decision.id)} className="font-medium text-brand-700 underline">
              {decision.title}
            </Link>
          </p>
        </Section>
      )}
      {mayPublish && (
        <Section id="publish-h" title="Publication" tone="brand" className="space-y-3">
          <ElectionForm form="publish" electionId={e.id} />
        </Section>
      )}
      {r.publishedAt && (
        <p className="text-sm text-slate-600">
          Published <DateTime iso={r.publishedAt.toISOString()} />.
        </p>
      )}
    </div>
  );
}
