import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { AppError, isUniqueViolation, type ErrorCode } from "@/lib/errors";
import { getActor } from "@/lib/auth/actor";
import { recordSignedOutCall } from "@/lib/audit/signed-out-calls";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/permissions";
import { formDataToObject } from "@/lib/form-data";
import { governanceChangedHere } from "@/lib/cache/stamps";

export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      formErrors: string[];
      fieldErrors: Record<string, string[] | undefined>;
    };

const fail = (
  code: ErrorCode,
  message: string,
  fieldErrors: Record<string, string[] | undefined> = {},
): ActionResult<never> => ({
  ok: false,
  code,
  message,
  formErrors: [message],
  fieldErrors,
});

/**
 * The line above a refused form: a problem of the whole input ("Voting must close after it
 * opens") is said there, since no field shows it; field problems sit beside their fields.
 */
export function invalidMessage(formErrors: readonly string[]): string {
  return formErrors.length ? formErrors.map((e) => e.replace(/\.?$/, ".")).join(" ") : "Some fields need attention.";
}

interface ActionOptions<S extends z.ZodType, T> {
  successMessage?: string | ((data: T) => string);
  /** Refreshes the pages that show the change (`revalidatePath`), after a success only. */
  revalidate?: (data: T, input: z.infer<S>) => void;
}

/**
 * The one wrapper for server actions: authenticate, parse input with a strict zod schema, run,
 * and turn expected failures into results (never throws them). A signed-out call is refused and
 * recorded in the audit log (rate-limited, without its input). Permission checks happen inside
 * `run`, in the lib function it calls (`requirePermission`), against the record in question.
 * The actor's roles are read from the database on every call.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S | (() => Promise<S>),
  run: (input: z.infer<S>, actor: Actor) => Promise<T>,
  opts: ActionOptions<S, T> = {},
) {
  const forActor = actionFor(schema, run, opts);
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const actor = await getActor();
    if (!actor) {
      await recordSignedOutCall(await headers(), await now());
      return fail("UNAUTHENTICATED", "Sign in first.");
    }
    return forActor(raw, actor);
  };
}

/**
 * What `defineAction` does once it knows who calls: kept apart from the request (session,
 * headers) so that its contract is tested without one.
 */
export function actionFor<S extends z.ZodType, T>(
  schema: S | (() => Promise<S>),
  run: (input: z.infer<S>, actor: Actor) => Promise<T>,
  opts: ActionOptions<S, T> = {},
) {
  return async (raw: unknown, actor: Actor): Promise<ActionResult<T>> => {
    const input = raw instanceof FormData ? formDataToObject(raw) : raw;
    // A schema that depends on the portal clock (a due date in the future) is built per call.
    const parsed = (typeof schema === "function" ? await schema() : schema).safeParse(input);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        ok: false,
        code: "INVALID",
        message: invalidMessage(flat.formErrors),
        formErrors: flat.formErrors,
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
      };
    }
    try {
      const data = await run(parsed.data, actor);
      governanceChangedHere();
      opts.revalidate?.(data, parsed.data);
      const message = typeof opts.successMessage === "function" ? opts.successMessage(data) : opts.successMessage;
      return { ok: true, data, message };
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.fieldErrors);
      if (isUniqueViolation(e)) return fail("CONFLICT", "That was just changed by someone else. Reload and try again.");
      throw e;
    }
  };
}
