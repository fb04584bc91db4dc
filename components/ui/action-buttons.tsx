"use client";

import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { buttonClass, type ButtonVariant } from "./button";

type Result = { ok: boolean; message?: string; data?: unknown };

export interface ActionButton {
  label: string;
  /** The full name, when the label alone is ambiguous in a list ("Approve" what). */
  ariaLabel: string;
  variant?: ButtonVariant;
  run: () => Promise<Result>;
  /** What to say after a success, from the action's result. */
  done: (data: unknown) => string;
}

/**
 * A row of buttons that each call a server action directly (no fields), then say what happened
 * in a status line. `once` hides the buttons after a success (a decision is made once).
 */
export function ActionButtons({
  buttons,
  initialMessage = "",
  once = false,
}: {
  buttons: readonly ActionButton[];
  initialMessage?: string;
  once?: boolean;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState(initialMessage);
  const [finished, setFinished] = useState(false);
  const hydrated = useHydrated();
  const press = (b: ActionButton) =>
    start(async () => {
      const r = await b.run();
      setMessage(r.ok ? b.done(r.data) : (r.message ?? "Refused."));
      if (r.ok && once) setFinished(true);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!finished &&
        buttons.map((b) => (
          <button
            key={b.label}
            type="button"
            disabled={pending || !hydrated}
            className={buttonClass(b.variant, true)}
            aria-label={b.ariaLabel}
            onClick={() => press(b)}
          >
            {b.label}
          </button>
        ))}
      <span role="status" aria-live="polite" className="text-sm text-slate-700">
        {message}
      </span>
    </div>
  );
}
