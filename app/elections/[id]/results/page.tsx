import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PHASE_LABEL } from "@/components/elections/labels";
import { LocalTime } from "@/components/ui/local-time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getElection, getElectionResults } from "@/lib/elections/queries";
import { AppError } from "@/lib/errors";
import { ApproveForm, PublishForm, ReceiptCheckForm, SendBackForm } from "../../_components/election-forms";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Election results" };

const FILE_HELP: Record<string, string> = {
  "matrix.json": "pairwise counts: how many voters ranked each candidate above each other",
  "rules.json": "the constraints the count applied (seats by region, employer cap)",
  "result.json": "the count's outcome, as `npm run tally -- … --json` prints it",
  "ballots.json": "every ballot, anonymous, sorted by receipt hash",
  "ballots.blt": "the same ballots in the BLT format, for any STV or Condorcet counter",
};

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const actor = await getActor();
  let e, r;
  try {
    e = await getElection(id, actor);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  let refusal: string | null = null;
  try {
    r = await getElectionResults(id, actor);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    refusal = err.message;
  }
  const header = (
    <header className="space-y-1">
      <Breadcrumbs
        trail={[
          { href: "/elections", label: "Elections" },
          { href: `/elections/${e.id}`, label: e.title },
        ]}
        current="Results"
      />
      <p className="text-sm text-slate-600">
        {e.tag.name} · {PHASE_LABEL[e.phase]}
      </p>
      <h1 className="text-2xl font-semibold text-slate-900">Results: {e.title}</h1>
    </header>
  );
  if (!r) {
    return (
      <div className="space-y-6">
        {header}
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">{refusal}</p>
      </div>
    );
  }
  const names = r.matrix.candidates;
  const nameOf = (login: string) => e.nominations.find((n) => n.login === login)?.name ?? login;
  const mayApprove =
    can(actor, "election.approve") && !e.nominations.some((n) => n.userId === actor?.id && n.status !== "withdrawn");
  const mayPublish = e.phase === "approved" && (e.viewer.isOfficer || can(actor, "election.approve"));
  const seedFile =
    r.lot.seedSource ?? (r.artifacts.some((a) => a.name === "ballots.blt") ? "ballots.blt" : "matrix.json");
  return (
    <div className="space-y-8">
      {header}
      {e.phase !== "published" && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          Not public yet: only the officers and TOC members see this until a TOC member approves it and it is published.
        </p>
      )}
      {r.counts.eligible !== null && (
        <p className="text-sm text-slate-700">
          {r.counts.voted} of {r.counts.eligible} eligible voters voted (
          {r.counts.eligible ? Math.round(((r.counts.voted ?? 0) / r.counts.eligible) * 1000) / 10 : 0}%);{" "}
          {r.counts.ballots} ballots counted by {r.method === "stv" ? "STV" : "the Schulze method"}.
        </p>
      )}

      <section aria-labelledby="winners-h" className="space-y-2 rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="winners-h" className="text-xl font-semibold text-slate-900">
          Winners
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          {r.winners.map((w) => (
            <li key={w.name}>
              <strong>{nameOf(w.name)}</strong> (@{w.name}) · {w.region ?? "region not given"} ·{" "}
              {w.employer ?? "employer not given"}
            </li>
          ))}
        </ol>
        {r.winners.length === 0 && <p className="text-slate-700">No seat was filled.</p>}
      </section>

      <section aria-labelledby="excluded-h" className="space-y-2">
        <h2 id="excluded-h" className="text-xl font-semibold text-slate-900">
          Passed over by the constraints
        </h2>
        {r.excluded.length === 0 ? (
          <p className="text-slate-700">Nobody: the constraints changed no one&apos;s place.</p>
        ) : (
          <ul className="list-disc pl-6">
            {r.excluded.map((x) => (
              <li key={x.name}>
                @{x.name}: {x.reason}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ties-h" className="space-y-2">
        <h2 id="ties-h" className="text-xl font-semibold text-slate-900">
          Ties and the lot
        </h2>
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
      </section>

      {r.method === "schulze" || !r.stages ? (
        <section aria-labelledby="matrix-h" className="space-y-2">
          <h2 id="matrix-h" className="text-xl font-semibold text-slate-900">
            Pairwise preferences
          </h2>
          <p className="text-sm text-slate-600">
            Each cell: how many voters ranked the row&apos;s candidate above the column&apos;s.
          </p>
          <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
            <table className="text-left text-sm">
              <caption className="sr-only">
                Pairwise preferences: voters who ranked the row candidate above the column candidate
              </caption>
              <thead className="border-b border-slate-200">
                <tr>
                  <td className="px-3 py-2" />
                  {names.map((n) => (
                    <th key={n} scope="col" className="px-3 py-2 font-medium">
                      over @{n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {names.map((row, i) => (
                  <tr key={row}>
                    <th scope="row" className="px-3 py-2 font-medium">
                      @{row}
                    </th>
                    {names.map((col, j) => (
                      <td key={col} className="px-3 py-2 tabular-nums">
                        {i === j ? <span aria-label="not applicable">—</span> : (r.matrix.pairwise[i]?.[j] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        <section aria-labelledby="stages-h" className="space-y-2">
          <h2 id="stages-h" className="text-xl font-semibold text-slate-900">
            STV stages
          </h2>
          <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
            <table className="text-left text-sm">
              <caption className="sr-only">Votes of each candidate at the end of each stage</caption>
              <thead className="border-b border-slate-200">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Stage
                  </th>
                  {r.outcome.candidates.map((n) => (
                    <th key={n} scope="col" className="px-3 py-2 font-medium">
                      @{n}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 font-medium">
                    What happened
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {r.stages.map((s, i) => (
                  <tr key={i}>
                    <th scope="row" className="px-3 py-2 font-medium">
                      {i + 1}
                    </th>
                    {s.votes.map((v, j) => (
                      <td key={j} className="px-3 py-2 tabular-nums">
                        {Math.round(v * 1000) / 1000}
                      </td>
                    ))}
                    <td className="px-3 py-2">{s.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="files-h" className="space-y-2">
        <h2 id="files-h" className="text-xl font-semibold text-slate-900">
          Files for a re-count
        </h2>
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
      </section>

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

      {e.phase === "tallied" && mayApprove && (
        <section aria-labelledby="approve-h" className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-brand-200">
          <h2 id="approve-h" className="text-xl font-semibold text-slate-900">
            TOC decision
          </h2>
          <ApproveForm electionId={e.id} />
          <SendBackForm electionId={e.id} />
        </section>
      )}
      {mayPublish && (
        <section aria-labelledby="publish-h" className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-brand-200">
          <h2 id="publish-h" className="text-xl font-semibold text-slate-900">
            Publication
          </h2>
          <PublishForm electionId={e.id} />
        </section>
      )}
      {r.publishedAt && (
        <p className="text-sm text-slate-600">
          Published <LocalTime iso={r.publishedAt.toISOString()} />.
        </p>
      )}
    </div>
  );
}
