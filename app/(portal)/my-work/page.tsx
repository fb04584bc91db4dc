import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import Link from "next/link";
import { DateOnly, DateTime } from "@/components/ui/time";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { listMyClaims } from "@/lib/help-wanted/queries";
import { isLiveClaim, type ClaimStatus } from "@/lib/vocabulary";
import { answerInvitationAction } from "@/app/help-wanted/[id]/actions";
import { InvitationAnswer } from "@/components/help-wanted/invitation-answer";
import { ItemLine } from "@/components/help-wanted/item-link";

export const metadata: Metadata = { title: "My work" };

// A label for every claim status, in the volunteer's own terms.
const STATUS = {
  invited: "Invited: answer the lead",
  requested: "Waiting for a lead's answer",
  accepted: "Working on it",
  done: "Done: waiting for a lead to confirm",
  completed: "Completed",
  declined: "Declined",
  withdrawn: "Withdrawn",
  released: "Released",
} satisfies Record<ClaimStatus, string>;

/** The signed-in person's claims: live ones first (stale ones asking for an update), then history. */
export default async function MyWorkPage() {
  const user = await requireUser("/my-work");
  const rows = await listMyClaims(user.id, await now());
  // Live first; within live, the stale ones lead because they need something from the person.
  const live = rows.filter((c) => isLiveClaim(c.status)).sort((a, b) => Number(b.stale) - Number(a.stale));
  const past = rows.filter((c) => !isLiveClaim(c.status));
  return (
    <div className="space-y-8">
      <PageHeader title="My work">
        <p className="text-slate-700">
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
      </PageHeader>
      <ClaimList id="live" title="Current" claims={live} empty="Nothing in progress." />
      <ClaimList id="past" title="History" claims={past} empty="No finished claims yet." />
    </div>
  );
}

function ClaimList({ id, title, claims, empty }: { id: string; title: string; claims: Row[]; empty: string }) {
  return (
    <Section id={id} title={title} count={claims.length} empty={empty}>
      <ul className="mt-3 divide-y divide-slate-100">
        {claims.map((c) => (
          <ClaimRow key={c.id} claim={c} />
        ))}
      </ul>
    </Section>
  );
}

type Row = Awaited<ReturnType<typeof listMyClaims>>[number];

function ClaimRow({ claim: c }: { claim: Row }) {
  return (
    <li className="py-3">
      <ItemLine item={c.item}>{c.item.tags.map((t) => t.tag.name).join(", ")}</ItemLine>
      <p className="text-sm text-slate-700">
        {STATUS[c.status]} · last activity <DateTime iso={c.lastActivityAt.toISOString()} />
        {c.item.dueAt && (
          <>
            {" "}
            · due <DateOnly date={c.item.dueAt} />
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
          <Badge tone="amber">Stale</Badge>{" "}
          <Link href={`/help-wanted/${c.item.id}#progress`} className="text-brand-700 underline">
            Post an update
          </Link>
        </p>
      )}
    </li>
  );
}
