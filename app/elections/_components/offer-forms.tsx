"use client";

import { ActionForm, type ActionFormProps } from "@/components/ui/action-form";
import { answerVacancyOfferAction } from "../actions";

/** The two answers to a seat offer: declining asks first, since the next runner-up is offered the seat at once. */
const ANSWERS = {
  accept: {
    label: "Accept the seat",
    hidden: { answer: "accept" },
    submit: "Accept the seat",
  },
  decline: {
    confirm: "Decline the seat…",
    danger: true,
    hidden: { answer: "decline", confirm: "true" },
    description: "You cannot take this back: the seat is offered to the next runner-up at once.",
    submit: "Decline",
  },
} satisfies Record<string, Omit<ActionFormProps, "action">>;

/** The offered person's answer to the offer `offerId`. */
export function OfferAnswerForm({ answer, offerId }: { answer: keyof typeof ANSWERS; offerId: string }) {
  const { hidden, ...form } = ANSWERS[answer];
  return <ActionForm action={answerVacancyOfferAction} {...form} hidden={{ offerId, ...hidden }} />;
}
