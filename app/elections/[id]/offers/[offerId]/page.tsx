import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ElectionCrumbs } from "@/components/elections/election-links";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { DateTime } from "@/components/ui/time";
import { getActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { getOfferForViewer } from "@/lib/elections/vacancy-offers";
import { parseId } from "@/lib/vocabulary";
import { OfferAnswerForm } from "../../../_components/offer-forms";

export const metadata: Metadata = { title: "Seat offer" };

const ANSWERED: Record<string, string> = {
  accepted: "You accepted this seat.",
  declined: "You declined this seat; it was offered to the next runner-up.",
  expired: "The time to answer passed; the seat was offered to the next runner-up.",
};

/** A vacated seat offered to the viewer as a runner-up: accept, or decline after confirming, before the deadline. */
export default async function SeatOfferPage({ params }: { params: Promise<{ id: string; offerId: string }> }) {
  const p = await params;
  const id = parseId(p.id);
  const offerId = parseId(p.offerId);
  if (!id || !offerId) notFound();
  const offer = await getOfferForViewer(offerId, await getActor());
  if (!offer || offer.electionId !== id) notFound();
  const at = await now();
  const open = offer.status === "open" && offer.respondBy > at;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`A ${offer.roleName} seat of ${offer.election.tagName}`}
        compact
        eyebrow={<ElectionCrumbs e={offer.election} current="Seat offer" />}
      />
      <p className="text-slate-700">
        A seat filled by {offer.election.title} fell vacant. As runner-up number {offer.rank + 1}, you are offered it
        {offer.termEnd ? ` for the rest of its term, until ${offer.termEnd}` : ""}.
      </p>
      {open ? (
        <>
          <Notice className="text-sm">
            Answer by <DateTime iso={offer.respondBy.toISOString()} now={at.toISOString()} />. Without an answer by
            then, the seat goes to the next runner-up.
          </Notice>
          <OfferAnswerForm answer="accept" offerId={offer.id} />
          <OfferAnswerForm answer="decline" offerId={offer.id} />
        </>
      ) : (
        <Notice className="text-sm">
          {ANSWERED[offer.status] ?? ANSWERED.expired}
          {offer.respondedAt && (
            <>
              {" "}
              (<DateTime iso={offer.respondedAt.toISOString()} />)
            </>
          )}
        </Notice>
      )}
    </div>
  );
}
