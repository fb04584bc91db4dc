"use client";

import { useId, type ReactNode } from "react";
import type { ButtonVariant } from "./button";
import { Heading } from "./section";
import {
  Fields,
  FormStatus,
  SubmitButton,
  type FieldSpec,
  type FormState,
  type ServerAction,
  useFormAction,
} from "./form";

export type { FieldSpec };

export interface ActionFormProps {
  action: ServerAction;
  /** Ids and fixed choices the action needs (claimId, itemId, decision). */
  hidden?: Record<string, string>;
  fields?: readonly FieldSpec[];
  /** Fields side by side from small screens up. */
  columns?: 1 | 2 | 3 | 4;
  submit: string;
  /** Several submit buttons instead of one, each sending `name=value` (Verify or Reject). */
  choices?: readonly { name: string; value: string; label: string; variant?: ButtonVariant }[];
  /** When set, the form sits behind a disclosure with this summary: it asks first. */
  confirm?: string;
  danger?: boolean;
  /** The submit button's look when it is not the page's main action (a quiet "Endorse", a secondary "Hide"). */
  variant?: ButtonVariant;
  /** What a success says when the server says nothing; a function reads the action's result. */
  success?: string | ((data: unknown) => string);
  /** An accessible name for the form when it has no visible heading. */
  label?: string;
  /** A heading: the form becomes a card named by it. */
  title?: string;
  /** The heading's level: 3 inside a section, 2 for a form that is a section of its own. */
  level?: 2 | 3;
  /** Words under the heading (or above the fields). */
  description?: ReactNode;
  /** Tighter fields and smaller buttons, for forms inside lists and disclosures. */
  compact?: boolean;
  /** Fields and buttons on one line (a reason and two buttons). */
  inline?: boolean;
  /**
   * More content before the status line: a hidden time zone, a note, fields of their own (a
   * function gets the form's state and its id prefix).
   */
  children?: ReactNode | ((state: FormState, idPrefix: string) => ReactNode);
  /** Classes of the outer element (the disclosure, or the form). */
  className?: string;
  /** Leave checking to the server, whose messages sit beside each field. */
  noValidate?: boolean;
}

/**
 * The one small form for an action: hidden ids, fields from specs, a status line and the submit
 * button (or several). Field ids are unique per form, so many forms can share a page. Server
 * actions come in as props from the page.
 */
export function ActionForm({
  action,
  hidden = {},
  fields = [],
  columns,
  submit,
  choices,
  confirm,
  danger,
  variant,
  success,
  label,
  title,
  level = 3,
  description,
  compact,
  inline,
  children,
  className = "",
  noValidate,
}: ActionFormProps) {
  const [state, run, pending] = useFormAction(action);
  const uid = useId();
  const said = typeof success === "function" ? (state?.ok ? success(state.data) : undefined) : success;
  const layout = inline ? "flex flex-wrap items-end gap-2" : "space-y-3";
  const card = title ? "rounded-xl bg-white p-6 ring-1 ring-slate-200" : "";
  const buttons = choices ? (
    <div className="flex flex-wrap gap-2">
      {choices.map((c) => (
        <SubmitButton key={c.value} pending={pending} name={c.name} value={c.value} variant={c.variant} small>
          {c.label}
        </SubmitButton>
      ))}
    </div>
  ) : (
    <SubmitButton pending={pending} danger={danger} variant={variant} small={compact}>
      {submit}
    </SubmitButton>
  );
  const form = (
    <form
      action={run}
      noValidate={noValidate}
      className={`${layout} ${card} ${confirm ? "" : className}`.trim()}
      aria-label={title ? undefined : label}
      aria-labelledby={title ? `${uid}-title` : undefined}
    >
      {title && (
        <Heading id={`${uid}-title`} level={level} size="lg">
          {title}
        </Heading>
      )}
      {description && <div className="text-sm text-slate-600">{description}</div>}
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.length > 0 && (
        // After a failure the typed text comes back; after a success the fields start over.
        <Fields specs={fields} state={state} idPrefix={uid} compact={compact} columns={columns} resetOnSuccess />
      )}
      {typeof children === "function" ? children(state, uid) : children}
      <FormStatus state={state} success={said} />
      {buttons}
    </form>
  );
  if (!confirm) return form;
  return (
    <details className={`text-sm ${className}`.trim()}>
      <summary className={`cursor-pointer underline ${danger ? "text-red-800" : "text-brand-700"}`}>{confirm}</summary>
      <div className="mt-2">{form}</div>
    </details>
  );
}
