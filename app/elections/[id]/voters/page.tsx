import type { Metadata } from "next";
import Link from "next/link";
import { ElectionCrumbs, LoginList } from "@/components/elections/election-links";
import { Notice } from "@/components/ui/notice";
import { PageHeader, RefusedPage } from "@/components/ui/page-header";
import { EmptyState, Section } from "@/components/ui/section";
import { DateTime } from "@/components/ui/time";
import { getVoterRoll } from "@/lib/elections/queries";
import { loadByIdForPage } from "@/app/_lib/load-for-page";

export const metadata: Metadata = { title: "Voter roll" };

/** The voter roll for review: GitHub logins only, how long corrections run and how to ask for one. */
export default async function VoterRollPage({ params }: { params: Promise<{ id: string }> }) {
  const { value: roll, refusal } = await loadByIdForPage(params, getVoterRoll);
  if (refusal) return <RefusedPage title="Voter roll" reason={refusal.message} />;
  const e = roll.election;
  return (
    <div className="space-y-6">
      <PageHeader title={`Voter roll: ${e.title}`} compact eyebrow={<ElectionCrumbs e={e} current="Voter roll" />} />
      {roll.frozen ? (
        <Notice className="text-sm">
          The roll froze when voting opened; only exceptions the officers grant add to it.
        </Notice>
      ) : (
        <Notice className="text-sm">
          {roll.publishedAt ? (
            <>
              Published for review <DateTime iso={roll.publishedAt.toISOString()} />. Corrections until voting opens{" "}
              <DateTime iso={roll.correctionsUntil.toISOString()} />
            </>
          ) : (
            <>Not yet published: only the officers see this draft of the roll</>
          )}
          . Missing from it? Ask the officers for an exception on{" "}
          <Link href={`/elections/${e.id}`} className="text-brand-700 underline">
            the election page
          </Link>
          {roll.exceptionDueAt && (
            <>
              {" "}
              before <DateTime iso={roll.exceptionDueAt.toISOString()} />
            </>
          )}
          . The roll is worked out from the rules and may change until voting opens.
        </Notice>
      )}
      <Section id="roll-h" title={`${roll.logins.length} ${roll.logins.length === 1 ? "voter" : "voters"}`} plain>
        {roll.logins.length === 0 ? (
          <EmptyState>Nobody is on the roll yet.</EmptyState>
        ) : (
          <LoginList logins={roll.logins} className="columns-1 gap-6 text-sm sm:columns-2 md:columns-3" />
        )}
      </Section>
    </div>
  );
}
