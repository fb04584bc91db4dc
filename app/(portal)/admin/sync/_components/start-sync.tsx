"use client";

import { FormStatus, useFormAction } from "@/components/ui/form";
import type { ActionResult } from "@/lib/action";

/** Starts a GitHub sync of one TAG. */
export function StartSyncButton({
  action,
  tagSlug,
  tagName,
  disabled,
}: {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  tagSlug: string;
  tagName: string;
  disabled: boolean;
}) {
  const [state, run, pending] = useFormAction(action);
  return (
    <form action={run} className="flex flex-wrap items-center gap-3" aria-label={`Sync ${tagName}`}>
      <input type="hidden" name="tagSlug" value={tagSlug} />
      <button
        type="submit"
        disabled={pending || disabled}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Starting…" : `Start sync of ${tagName}`}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
