"use client";

import { useEffect, useRef, useState } from "react";
import { FormStatus, SubmitButton, useFormAction, type ServerAction } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { DECISION_CHOICE_LABEL, DECISION_CHOICES, type DecisionChoiceKey } from "@/lib/vocabulary";

/**
 * Yes / No / Abstain, each asking for a confirmation first: the choice, what it decides, and (for
 * an election result) its ties and the lot are shown before the vote is cast. Votes are final.
 */
export function VotePanel({
  decisionId,
  title,
  action,
  voted,
  children,
}: {
  decisionId: string;
  title: string;
  action: ServerAction;
  /** The viewer's vote when they have voted (the page re-renders after a vote with it). */
  voted: DecisionChoiceKey | null;
  /** What to look at again before confirming (an election result's ties and lot). */
  children?: React.ReactNode;
}) {
  const [choice, setChoice] = useState<DecisionChoiceKey | null>(null);
  const hydrated = useHydrated();
  const [state, run, pending] = useFormAction(action);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (choice) confirmRef.current?.focus();
  }, [choice]);
  if (state?.ok) return <FormStatus state={state} />;
  if (voted)
    return (
      <p className="text-slate-800">
        You voted <strong>{DECISION_CHOICE_LABEL[voted]}</strong>.
      </p>
    );
  return (
    <div className="space-y-3">
      <div role="group" aria-label="Your vote" className="flex flex-wrap gap-2">
        {DECISION_CHOICES.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={choice === c}
            disabled={!hydrated}
            onClick={() => setChoice(c)}
            className={`rounded-md px-4 py-2 font-medium ring-1 ${
              choice === c ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-brand-800 ring-brand-300"
            }`}
          >
            {DECISION_CHOICE_LABEL[c]}
          </button>
        ))}
      </div>
      {choice && (
        <div
          ref={confirmRef}
          tabIndex={-1}
          role="region"
          aria-label="Confirm your vote"
          className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200"
        >
          <p className="text-slate-900">
            You are voting <strong>{DECISION_CHOICE_LABEL[choice]}</strong> on “{title}”. TOC votes are public and
            cannot be changed.
          </p>
          {children}
          <form action={run} className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="decisionId" value={decisionId} />
            <input type="hidden" name="choice" value={choice} />
            <SubmitButton pending={pending}>Confirm my vote: {DECISION_CHOICE_LABEL[choice]}</SubmitButton>
            <button type="button" onClick={() => setChoice(null)} className="text-brand-700 underline">
              Cancel
            </button>
          </form>
          <FormStatus state={state} />
        </div>
      )}
    </div>
  );
}
