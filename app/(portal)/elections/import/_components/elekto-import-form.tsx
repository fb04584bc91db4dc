"use client";

import Link from "next/link";
import { useActionState, useState, startTransition, type FormEvent } from "react";
import { FieldProblems, FormStatus, SubmitButton } from "@/components/ui/form";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { LabelledControl, SelectOptions } from "@/components/ui/labelled-control";
import { formDataToText } from "@/lib/form-data";
import { formatDateTime } from "@/lib/vocabulary";
import type { ElektoUploadResult } from "../upload/route";

/** A value as JSON brings it back: dates as ISO strings. */
type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
type Answer = Wire<ElektoUploadResult>;
type State = (Answer & { values?: Record<string, string> }) | null;

const LIMIT = 10 * 1024 * 1024;
const CONTROL = "mt-1 block max-w-full rounded-md border border-slate-300 px-2 py-1.5";
// The portal's one date-time format (issue 18, point 7): UTC, the zone named.
const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : "none");

/**
 * Posts the upload to its route handler (../upload/route.ts: the one route that takes a body this
 * large; server actions keep Next.js's 1 MB limit). Anything but the route's JSON answer (a proxy's
 * 413 page, a lost connection) is said plainly, with nothing imported.
 */
async function send(_prev: State, data: FormData): Promise<State> {
  const values = formDataToText(data);
  let answer: Answer | null = null;
  let status = 0;
  try {
    const res = await fetch("/elections/import/upload", { method: "POST", body: data });
    status = res.status;
    answer = (await res.json().catch(() => null)) as Answer | null;
  } catch {
    // The connection failed: said below.
  }
  if (answer) return { ...answer, values };
  const message =
    status === 413
      ? "The upload is too large: an Elekto folder is far smaller; nothing was imported."
      : `The upload failed${status ? ` (HTTP ${status})` : ""}; nothing was imported. Try again.`;
  return { ok: false, code: "INVALID", message, formErrors: [message], fieldErrors: {}, values };
}

/**
 * Submitted by hand rather than through the form's `action`: a form action resets the form
 * afterwards, and the chosen file must stay chosen between the preview and the import.
 */
export function ElektoImportForm({
  tags,
  roles,
}: {
  tags: readonly (readonly [string, string])[];
  /** Per TAG slug, the roles it may elect: [roleKey, name]. */
  roles: Readonly<Record<string, readonly (readonly [string, string])[]>>;
}) {
  const [state, run, pending] = useActionState(send, null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [tagSlug, setTagSlug] = useState(tags[0]?.[0] ?? "");
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(e.currentTarget);
    data.set("mode", submitter?.value ?? "preview");
    const file = data.get("archive");
    if (file instanceof File && file.size > LIMIT) {
      setTooBig(`${file.name} is over 10 MB: an Elekto folder is far smaller; nothing was uploaded.`);
      return;
    }
    setTooBig(null);
    startTransition(() => run(data));
  }
  const plan = state?.ok ? state.data.plan : null;
  return (
    <form onSubmit={submit} className="space-y-4">
      <LabelledControl id="elekto-tag" label="TAG">
        <select
          id="elekto-tag"
          name="tagSlug"
          value={tagSlug}
          onChange={(e) => setTagSlug(e.target.value)}
          className={CONTROL}
        >
          <SelectOptions options={tags} />
        </select>
      </LabelledControl>
      <LabelledControl id="elekto-role" label="Role to elect">
        {/* Keyed by TAG: another TAG's roles start again from its Tech Lead role. */}
        <select key={tagSlug} id="elekto-role" name="role" defaultValue="" className={CONTROL}>
          <SelectOptions options={roles[tagSlug] ?? []} empty="The TAG's Tech Lead role" />
        </select>
      </LabelledControl>
      <LabelledControl id="elekto-archive" label="Elekto folder (zip, .tar.gz or .tgz, at most 10 MB)">
        <input
          id="elekto-archive"
          name="archive"
          type="file"
          required
          accept=".zip,.tar.gz,.tgz,.tar,application/zip,application/gzip"
          className="mt-1 block max-w-full text-sm"
        />
      </LabelledControl>
      <LabelledControl
        id="elekto-opens"
        label="Voting opens on (optional)"
        hint="Moves every date of the folder so that voting opens on this day, to replay a past election."
        compact
      >
        <input
          id="elekto-opens"
          name="votingOpensOn"
          type="date"
          aria-describedby="elekto-opens-hint"
          className={CONTROL}
        />
      </LabelledControl>
      {tooBig ? (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-900 ring-1 ring-red-200">
          {tooBig}
        </p>
      ) : (
        <FormStatus state={state} />
      )}
      <FieldProblems state={state} name="archive" />
      {plan && (
        <section aria-labelledby="elekto-plan-h" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
          <h2 id="elekto-plan-h" className="font-semibold text-slate-900">
            {state?.ok && state.data.imported ? "Imported" : "What the import creates"}: {plan.title}
          </h2>
          {state?.ok && state.data.imported && (
            <p>
              <Link href={`/elections/${state.data.imported}`} className="text-brand-700 underline">
                Open the draft election
              </Link>
            </p>
          )}
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {plan.creates.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <DefinitionList layout="grid">
            <DefinitionItem term="TAG and role">
              {plan.tag.name}, {plan.role.name}
            </DefinitionItem>
            <DefinitionItem term="Seats">{plan.seats}</DefinitionItem>
            <DefinitionItem term="Nominations">
              {when(plan.nominationsOpenAt)} to {when(plan.nominationsCloseAt)}
            </DefinitionItem>
            <DefinitionItem term="Voting">
              {when(plan.votingOpenAt)} to {when(plan.votingCloseAt)}
            </DefinitionItem>
            <DefinitionItem term="Exception requests until">{when(plan.exceptionDueAt)}</DefinitionItem>
            <DefinitionItem term="Who may vote">{plan.eligibility || "not said"}</DefinitionItem>
            <DefinitionItem term="Exceptions">{plan.exceptionDescription || "not said"}</DefinitionItem>
            <DefinitionItem term="Voters">
              {plan.voters.resolved} of {plan.voters.listed} listed
            </DefinitionItem>
            <DefinitionItem term="Ballots">
              {plan.ballots === null ? "none in the folder" : `${plan.ballots} (shown, not imported)`}
            </DefinitionItem>
            <DefinitionItem term="Officers">
              {plan.officers.map((o) => `@${o}`).join(", ") || "you only"}
            </DefinitionItem>
          </DefinitionList>
          <h3 className="text-sm font-semibold text-slate-900">Candidates</h3>
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {plan.candidates.map((c) => (
              <li key={c.login}>
                {c.name} (@{c.login}){c.employer ? `, ${c.employer}` : ""}
                {c.resolved ? "" : ": no GitHub account, not imported"}
              </li>
            ))}
          </ul>
          <h3 className="text-sm font-semibold text-slate-900">Description (election_desc.md)</h3>
          <p className="text-sm break-words whitespace-pre-wrap text-slate-700">{plan.description || "none"}</p>
          {(plan.unresolved.length > 0 || plan.notes.length > 0) && (
            <>
              <h3 className="text-sm font-semibold text-slate-900">Notes</h3>
              <ul className="list-disc space-y-1 pl-6 text-sm">
                {plan.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
                {plan.unresolved.map((u) => (
                  <li key={u.login}>
                    @{u.login} ({u.where}): {u.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {state?.ok && state.data.ignored.length > 0 && (
            <p className="text-sm break-words text-slate-600">Skipped: {state.data.ignored.join(", ")}</p>
          )}
        </section>
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} name="mode" value="preview" variant="secondary">
          Preview
        </SubmitButton>
        <SubmitButton pending={pending} name="mode" value="import">
          Import
        </SubmitButton>
      </div>
    </form>
  );
}
