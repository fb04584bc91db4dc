"use client";

import { ActionForm } from "@/components/ui/action-form";
import { CheckboxGroup, Field, type Options } from "@/components/ui/form";
import { postHolderReportAction } from "../actions";

/** A holder's report for one seat: a few lines of markdown and, ticked from lists, the portal records it points to. */
export function HolderReportForm({
  assignmentId,
  title,
  body,
  links,
  choices,
}: {
  assignmentId: string;
  title: string;
  body: string;
  links: readonly string[];
  choices: Options;
}) {
  return (
    // Remounted when the saved report changes, so the fields show what was stored.
    <ActionForm
      key={`${body}|${links.join(",")}`}
      action={postHolderReportAction}
      title={title}
      level={3}
      hidden={{ assignmentId }}
      submit={body ? "Update report" : "Post report"}
    >
      {(state, uid) => (
        <>
          <Field
            name="body"
            label="How your deliverables are going"
            textarea
            required
            defaultValue={body}
            hint="Markdown, a few lines: what you delivered this quarter, what is next, where you need help."
            state={state}
            idPrefix={uid}
          />
          {choices.length > 0 ? (
            <CheckboxGroup
              name="links"
              legend="Link what the portal already knows (optional)"
              options={choices}
              checked={links}
              state={state}
              idPrefix={uid}
            />
          ) : (
            <p className="text-sm text-slate-600">
              No help-wanted work, liaison check-ins or contributions of yours in this TAG in the last six months to
              link.
            </p>
          )}
        </>
      )}
    </ActionForm>
  );
}
