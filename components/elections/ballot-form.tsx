"use client";

import { DataTable } from "@/components/ui/data-table";
import { useActionState, useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { levelsOf, move } from "./ballot-order";
import { FormStatus, SubmitButton, formAction, fieldError, type FormState } from "@/components/ui/form";
import type { ActionResult } from "@/lib/action";

export interface BallotCandidate {
  nominationId: string;
  name: string;
  login: string;
  region: string | null;
  employer: string | null;
}

interface Props {
  electionId: string;
  method: "schulze" | "stv";
  candidates: BallotCandidate[];
  mode: "cast" | "replace";
  action: (input: unknown) => Promise<ActionResult<{ receipt?: string; replaced?: true }>>;
}

/**
 * The ranked ballot: one rank select per candidate (keyboard and screen-reader friendly, no
 * dragging). Rank 1 is the first choice; equal ranks are a tie (Schulze only); "No opinion"
 * leaves a candidate unranked (compared with nobody, as the tally counts it). "Your order" lists
 * the ranking with Move up / Move down buttons, and "Review my ballot" shows it once more before it
 * is cast (issue 18, point 11). The server builds the preference levels from the `rank-<id>`
 * fields, which stay in the form while it is reviewed.
 */
export function BallotForm({ electionId, method, candidates, mode, action }: Props) {
  const [state, submit, pending] = useActionState(
    formAction(action),
    null as FormState<{ receipt?: string; replaced?: true }>,
  );
  const ids = candidates.map((c) => c.nominationId);
  const [ranks, setRanks] = useState<Record<string, string>>(() =>
    Object.fromEntries(ids.map((id) => [id, state?.values?.[`rank-${id}`] ?? ""])),
  );
  // The review lasts until the server answers: a refusal brings the ranking back with its message.
  const [reviewOf, setReviewOf] = useState<{ state: typeof state } | null>(null);
  const reviewing = reviewOf !== null && reviewOf.state === state;
  const [emptyReview, setEmptyReview] = useState(false);
  const [moved, setMoved] = useState<{ id: string; dir: "up" | "down"; said: string } | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const formRef = useRef<HTMLFormElement>(null);
  // Client-only buttons do nothing before hydration: disabled until then.
  const hydrated = useHydrated();
  useEffect(() => {
    if (!moved) return;
    // The list is re-sorted: keep the keyboard on the moved candidate (the other button at an end).
    const own = moveButtons.current.get(`${moved.id}-${moved.dir}`);
    const other = moveButtons.current.get(`${moved.id}-${moved.dir === "up" ? "down" : "up"}`);
    (own && !own.disabled ? own : other)?.focus();
  }, [moved]);
  const prefix = mode === "cast" ? "cast" : "replace";
  const receipt = state?.ok ? state.data.receipt : undefined;
  if (receipt) return <Receipt receipt={receipt} />;
  const receiptError = fieldError(state, "receipt");
  const byId = new Map(candidates.map((c) => [c.nominationId, c]));
  const levels = levelsOf(ids, ranks);
  const unranked = candidates.filter((c) => !levels.some((l) => l.includes(c.nominationId)));
  const nameOf = (id: string) => byId.get(id)!.name;
  const moveOne = (id: string, dir: "up" | "down") => {
    const next = move(ids, ranks, id, dir);
    setRanks(next);
    setMoved({ id, dir, said: `${nameOf(id)} is now ranked ${next[id]}.` });
  };
  const review = () => {
    // The receipt (when replacing) is checked now: hidden while reviewing, the browser could not point to it.
    if (!formRef.current?.reportValidity()) return;
    setEmptyReview(levels.length === 0);
    if (levels.length > 0) setReviewOf({ state });
  };
  const ranking = (withButtons: boolean) => (
    <ol className="mt-2 space-y-2">
      {levels.map((level, k) => (
        <li key={level.join()} className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-semibold text-slate-900">{k + 1}.</span>
          <span className="text-slate-900">
            {level.map(nameOf).join(" and ")}
            {level.length > 1 && <span className="text-slate-600"> (equally)</span>}
          </span>
          {withButtons &&
            level.map((id) =>
              (["up", "down"] as const).map((dir) => (
                <button
                  key={`${id}-${dir}`}
                  ref={(el) => {
                    if (el) moveButtons.current.set(`${id}-${dir}`, el);
                    else moveButtons.current.delete(`${id}-${dir}`);
                  }}
                  type="button"
                  disabled={
                    !hydrated ||
                    (dir === "up" ? k === 0 && level.length === 1 : k === levels.length - 1 && level.length === 1)
                  }
                  onClick={() => moveOne(id, dir)}
                  className={buttonClass("neutral", true)}
                >
                  {dir === "up" ? "Move up" : "Move down"}
                  <span className="sr-only"> {nameOf(id)}</span>
                </button>
              )),
            )}
        </li>
      ))}
    </ol>
  );
  return (
    <form
      ref={formRef}
      action={submit}
      onSubmit={(e) => {
        // Enter in the receipt field reviews first, like the button.
        if (reviewing) return;
        e.preventDefault();
        review();
      }}
      aria-labelledby={`${prefix}-title`}
      className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <h2 id={`${prefix}-title`} className="text-xl font-semibold text-slate-900">
        {mode === "cast" ? "Your ballot" : "Replace your ballot"}
      </h2>
      <input type="hidden" name="electionId" value={electionId} />
      {/* Hidden while reviewing, not removed: the receipt and the ranks are sent from here. */}
      <div hidden={reviewing} className="space-y-4">
        {mode === "replace" && (
          <div>
            <label htmlFor="replace-receipt" className="block text-sm font-medium text-slate-800">
              Your receipt (32 characters)
            </label>
            <input
              id="replace-receipt"
              name="receipt"
              required
              autoComplete="off"
              spellCheck={false}
              defaultValue={state?.values?.receipt}
              aria-invalid={receiptError ? true : undefined}
              aria-describedby={receiptError ? "replace-receipt-error" : undefined}
              className="mt-1 w-full max-w-md rounded-md border border-slate-300 px-3 py-2 font-mono"
            />
            {receiptError && (
              <p id="replace-receipt-error" className="mt-1 text-sm text-red-700">
                {receiptError}
              </p>
            )}
          </div>
        )}
        <fieldset aria-describedby={`${prefix}-help`}>
          <legend className="font-medium text-slate-900">Rank the candidates</legend>
          <p id={`${prefix}-help`} className="mt-1 text-sm text-slate-600">
            Give 1 to your first choice, 2 to your next, and so on; rank as many as you like.{" "}
            {method === "schulze"
              ? "You may give two candidates the same rank if you like them equally."
              : "Use each rank once (this election is counted by STV, which has no ties)."}{" "}
            Candidates left at “No opinion” are unranked: your ballot does not compare them with anyone, so rank
            everyone you prefer to someone else.
          </p>
          <DataTable
            caption="Candidates and your rank for each"
            rows={candidates}
            rowKey={(c) => c.nominationId}
            columns={[
              {
                header: "Candidate",
                rowHeader: true,
                cell: (c) => (
                  <label htmlFor={`${prefix}-rank-${c.nominationId}`}>
                    {c.name} <span className="font-normal text-slate-600">(@{c.login})</span>
                  </label>
                ),
              },
              {
                header: "Region, employer",
                cell: (c) => [c.region ?? "region not given", c.employer ?? "employer not given"].join(", "),
              },
              {
                header: "Your rank",
                cell: (c) => (
                  <select
                    id={`${prefix}-rank-${c.nominationId}`}
                    name={`rank-${c.nominationId}`}
                    value={ranks[c.nominationId] ?? ""}
                    onChange={(e) => {
                      setRanks({ ...ranks, [c.nominationId]: e.target.value });
                      setEmptyReview(false);
                    }}
                    className="rounded-md border border-slate-300 px-2 py-1"
                  >
                    <option value="">No opinion</option>
                    {candidates.map((_, i) => (
                      <option key={i} value={String(i + 1)}>
                        {i + 1}
                      </option>
                    ))}
                  </select>
                ),
              },
            ]}
          />
        </fieldset>
        <section aria-labelledby={`${prefix}-order`}>
          <h3 id={`${prefix}-order`} className="font-medium text-slate-900">
            Your order
          </h3>
          {levels.length ? (
            ranking(true)
          ) : (
            <p className="mt-1 text-sm text-slate-600">Nobody ranked yet: choose a rank above.</p>
          )}
          <p role="status" aria-live="polite" className="mt-1 text-sm text-slate-700">
            {moved?.said ?? ""}
          </p>
        </section>
        {emptyReview && (
          <p role="alert" className="text-sm text-red-700">
            Rank at least one candidate.
          </p>
        )}
        <FormStatus state={state} about={["ranking"]} />
        <button type="button" onClick={review} disabled={!hydrated} className={buttonClass("primary")}>
          Review my ballot
        </button>
      </div>
      {reviewing && (
        <section aria-labelledby={`${prefix}-review`} className="space-y-3">
          <h3 id={`${prefix}-review`} className="font-medium text-slate-900">
            Check your ballot before it is {mode === "cast" ? "cast" : "replaced"}
          </h3>
          {ranking(false)}
          <p className="text-sm text-slate-700">
            {unranked.length
              ? `Not ranked (no opinion): ${unranked.map((c) => c.name).join(", ")}.`
              : "You ranked every candidate."}
          </p>
          <div className="flex flex-wrap gap-3">
            <SubmitButton pending={pending}>{mode === "cast" ? "Cast my ballot" : "Replace my ballot"}</SubmitButton>
            <button type="button" onClick={() => setReviewOf(null)} className={buttonClass("secondary")}>
              Change my ranking
            </button>
          </div>
        </section>
      )}
    </form>
  );
}

/** The receipt, shown once: the server keeps only its hash. */
export function Receipt({ receipt }: { receipt: string }) {
  const [copied, setCopied] = useState(false);
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="receipt-title" className="space-y-3 rounded-xl bg-green-50 p-6 ring-1 ring-green-200">
      <h2 id="receipt-title" className="text-xl font-semibold text-green-900">
        Your ballot was cast
      </h2>
      <p className="text-green-900">Your receipt:</p>
      <p>
        <code
          data-testid="receipt"
          className="select-all break-all rounded bg-white px-2 py-1 font-mono text-lg text-slate-900 ring-1 ring-green-300"
        >
          {receipt}
        </code>
      </p>
      <p className="text-sm text-green-900">
        Copy it now or write it down: it is shown only this once and nobody, not even the officers, can show it to you
        again. With it you can replace your ballot until voting closes, and find your ballot in the published results.
        Anyone you show it to can find your ballot too.
      </p>
      <button
        type="button"
        disabled={!hydrated}
        onClick={() =>
          navigator.clipboard?.writeText(receipt).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-green-900 ring-1 ring-green-300 hover:bg-green-100"
      >
        Copy the receipt
      </button>
      <span role="status" aria-live="polite" className="ml-2 text-sm text-green-900">
        {copied ? "Copied to the clipboard." : ""}
      </span>
    </section>
  );
}
