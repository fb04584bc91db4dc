"use client";

import { ActionForm } from "@/components/ui/action-form";
import { OFFER_RESPOND_DAYS } from "@/lib/elections/schemas";
import { answerVacancyOfferAction, offerVacancyAction } from "../actions";

export function OfferVacancyForm({ electionId, assignmentId }: { electionId: string; assignmentId: string }) {
  return (
    <ActionForm
      action={offerVacancyAction}
      label="Offer this seat to the next runner-up"
      compact
      hidden={{ electionId, assignmentId }}
      fields={[
        {
          name: "respondDays",
          label: "Days to answer",
          type: "number",
          defaultValue: String(OFFER_RESPOND_DAYS.default),
          hint: `Between ${OFFER_RESPOND_DAYS.min} and ${OFFER_RESPOND_DAYS.max}. Each later runner-up gets the same time.`,
        },
      ]}
      submit="Offer to the next runner-up"
    />
  );
}

export function AcceptOfferForm({ offerId }: { offerId: string }) {
  return (
    <ActionForm
      action={answerVacancyOfferAction}
      label="Accept the seat"
      hidden={{ offerId, answer: "accept" }}
      submit="Accept the seat"
    />
  );
}

export function DeclineOfferForm({ offerId }: { offerId: string }) {
  return (
    <ActionForm
      action={answerVacancyOfferAction}
      confirm="Decline the seat…"
      danger
      hidden={{ offerId, answer: "decline", confirm: "true" }}
      description="You cannot take this back: the seat is offered to the next runner-up at once."
      submit="Decline"
    />
  );
}
