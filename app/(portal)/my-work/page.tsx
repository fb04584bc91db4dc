import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { listMyClaims } from "@/lib/help-wanted/queries";
import { isLiveClaim } from "@/lib/vocabulary";
import { answerInvitationAction } from "@/app/help-wanted/[id]/actions";
import { InvitationAnswer } from "@/components/help-wanted/invitation-answer";

export const metadata: Metadata = { title: "My work" };

const STATUS: Record<string, string> = {
  invited: "Invited: answer the lead",
  requested: "Waiting for a lead's answer",
  accepted: "Working on it",
  done: "Done: waiting for a lead to confirm",
  completed: "Completed",
  declined: "Declined",
  withdrawn: "Withdrawn",
  released: "Released",
};

/** The signed-in person's claims: live ones first (stale ones asking for an update), then history. */
export default async function MyWorkPage() {
  const user = await requireUser("/my-work");
  const rows = await listMyClaims(user.id, await now());
  // Live first; within live, the stale ones lead because they need something from the person.
  const live = rows.filter((c) => isLiveClaim(c.status)).sort((a, b) => Number(b.stale) - Number(a.stale));
  const past = rows.filter((c) => !isLiveClaim(c.status));
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold text-brand-800">My work</h1>
        <p className="mt-1 text-slate-700">
          What you volunteered for or were invited to. Find more on the{" "}
          <Link href="/help-wanted" className="text-brand-700 underline">
            help-wanted board
          </Link>{" "}
          or among{" "}
          <Link href="/help-wanted/for-you" className="text-brand-700 underline">
            the items that match you best
          </Link>
          .
        </p>
      </header>
      <section aria-labelledby="live" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="live" className="text-xl font-semibold text-slate-900">
          Current ({live.length})
        </h2>
        {live.length === 0 ? (
          <p className="mt-2 text-slate-600">Nothing in progress.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {live.map((c) => (
              <ClaimRow key={c.id} claim={c} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="past" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="past" className="text-xl font-semibold text-slate-900">
          History ({past.length})
        </h2>
        {past.length === 0 ? (
          <p className="mt-2 text-slate-600">No finished claims yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {past.map((c) => (
              <ClaimRow key={c.id} claim={c} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

type Row = Awaited<ReturnType<typeof listMyClaims>>[number];

function ClaimRow({ claim: c }: { claim: Row }) {
  return (
    <li className="py-3">
      <p>
        <Link href={`/help-wanted/${c.item.id}`} className="font-medium text-brand-700 underline">
          {c.item.title}
        </Link>{" "}
        <span className="text-sm text-slate-600">{c.item.tags.map((t) => t.tag.name).join(", ")}</span>
      </p>
      <p className="text-sm text-slate-700">
        {STATUS[c.status] ?? c.status} · last activity <LocalTime iso={c.lastActivityAt.toISOString()} />
        {c.item.dueAt && (
          <>
            {" "}
            · due <LocalTime iso={c.item.dueAt.toISOString()} />
          </>
        )}
      </p>
      {c.status === "invited" && (
        <div className="mt-2">
          <InvitationAnswer claimId={c.id} title={c.item.title} action={answerInvitationAction} />
        </div>
      )}
      {c.stale && (
        <p className="mt-1 text-sm">
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
            Stale
          </span>{" "}
          <Link href={`/help-wanted/${c.item.id}#progress`} className="text-brand-700 underline">
            Post an update
          </Link>
        </p>
      )}
    </li>
  );
}
