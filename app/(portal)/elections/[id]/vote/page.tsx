import type { Metadata } from "next";
import { RelativeTime } from "@/components/ui/relative-time";
import Link from "next/link";
import { BallotForm } from "@/components/elections/ballot-form";
import { PHASE_LABEL } from "@/components/elections/labels";
import { voterText } from "@/components/elections/status-text";
import { requireUser } from "@/lib/auth/session";
import { castBallotAction, replaceBallotAction } from "@/app/elections/actions";
import { loadForPage } from "@/app/_lib/load-election";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Vote" };

export default async function VotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/elections/${id}/vote`);
  const { e } = await loadForPage(id);
  const v = e.viewer;
  const candidates = e.nominations
    .filter((n) => n.status === "active")
    .map((n) => ({
      nominationId: n.id,
      name: n.name ?? n.login,
      login: n.login,
      region: n.region,
      employer: n.employer,
    }));
  const open = e.phase === "voting";
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Breadcrumbs
          trail={[
            { href: "/elections", label: "Elections" },
            { href: `/elections/${e.id}`, label: e.title },
          ]}
          current="Vote"
        />
        <p className="text-sm text-slate-600">{e.tag.name}</p>
        <h1 className="text-2xl font-semibold text-slate-900">Vote: {e.title}</h1>
        <p className="text-sm text-slate-700">
          {open ? (
            <>
              Voting closes <RelativeTime at={e.votingCloseAt} />.
            </>
          ) : (
            PHASE_LABEL[e.phase]
          )}
        </p>
      </header>
      <p className="max-w-3xl text-sm text-slate-700">
        Your ballot is secret: the portal records that you voted, and separately your ranking, with nothing linking the
        two. You get a receipt once; with it you can replace your ballot before the close and find it in the published
        results. The server sees your ranking while it is cast.
      </p>
      {!open ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
          Voting is not open{e.phase === "draft" || e.phase === "nominations" ? " yet" : " any more"}.
        </p>
      ) : v.canVote ? (
        <BallotForm electionId={e.id} method={e.method} candidates={candidates} mode="cast" action={castBallotAction} />
      ) : v.voted ? (
        <>
          <p className="rounded-xl bg-green-50 p-4 text-green-900 ring-1 ring-green-200">
            You have voted. To change your ballot before voting closes, give your receipt below with your new ranking.
          </p>
          <BallotForm
            electionId={e.id}
            method={e.method}
            candidates={candidates}
            mode="replace"
            action={replaceBallotAction}
          />
        </>
      ) : (
        <div className="space-y-2 rounded-xl bg-amber-50 p-6 text-amber-900 ring-1 ring-amber-200">
          <p>{voterText(v.voterStatus, e.phase)}</p>
          <p>
            If you think you should be able to vote,{" "}
            <Link href={`/elections/${e.id}`} className="underline">
              ask the officers for an exception on the election&apos;s page
            </Link>
            .
          </p>
        </div>
      )}
    </div>
  );
}
