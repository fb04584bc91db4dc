"use client";

import { useActionState } from "react";
import type { DeleteAccountState } from "@/lib/people/form-data";
import { deleteAccountAction } from "../actions";
import { inputClass } from "@/components/people/field";
import { FieldError } from "@/components/ui/labelled-control";

const initialState: DeleteAccountState = { status: "idle" };

/** Deleting is behind a disclosure and needs the person's login typed: it cannot be undone. */
export function DeleteAccount({ login }: { login: string }) {
  const [state, formAction, pending] = useActionState(deleteAccountAction, initialState);
  const errors = state.status === "error" ? state.fieldErrors.confirmLogin : undefined;
  const errorId = errors?.length ? "confirm-login-error" : undefined;
  return (
    <section aria-labelledby="delete-heading" className="rounded-xl bg-white p-6 ring-1 ring-red-200">
      <h2 id="delete-heading" className="text-lg font-semibold text-slate-900">
        Delete your account
      </h2>
      <p className="mt-2 max-w-3xl text-slate-700">
        This removes your profile, employer history and notifications, and signs you out. Seats you hold end and your
        open claims are released. The TAGs keep their record: past seats and counted contributions stay, shown as a
        former member without your name or login; audit events keep only an anonymous id. It cannot be undone; signing
        in again later starts a new, empty profile.
      </p>
      <details className="mt-4" open={state.status === "error" || undefined}>
        <summary className="cursor-pointer font-medium text-red-800">I want to delete my account</summary>
        <form action={formAction} noValidate className="mt-4 space-y-3">
          <div>
            <label htmlFor="confirm-login" className="block font-medium text-slate-900">
              Type your login, <span className="font-mono">{login}</span>, to confirm
            </label>
            <input
              id="confirm-login"
              name="confirmLogin"
              type="text"
              autoComplete="off"
              spellCheck={false}
              defaultValue={state.status === "error" ? state.confirmLogin : ""}
              aria-describedby={errorId}
              {...(errorId ? { "aria-invalid": true as const } : {})}
              className={`mt-1 max-w-sm ${inputClass}`}
            />
            <FieldError id="confirm-login" error={errors?.join(" ")} />
          </div>
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60"
          >
            {pending ? "Deleting…" : "Delete my account permanently"}
          </button>
          <p role="status" aria-live="polite" className="font-medium text-red-700">
            {state.status === "error" ? state.message : ""}
          </p>
        </form>
      </details>
    </section>
  );
}
