import "server-only";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/vocabulary";

type Loaded<T> = { actor: Actor | null } & (
  { value: T; refusal?: undefined } | { value?: undefined; refusal: AppError }
);

/**
 * Loads what a page's `[id]` names, for the viewer. A malformed id, and what does not exist (or the
 * viewer may not know of), answer the 404 page; any other refusal comes back for the page to show
 * in its place (a roll not yet published, an officer-only view); anything else is a failure.
 */
export async function loadByIdForPage<T>(
  params: Promise<{ id: string }>,
  load: (id: string, actor: Actor | null) => Promise<T>,
): Promise<Loaded<T>> {
  const id = parseId((await params).id);
  if (!id) notFound();
  const actor = await getActor();
  try {
    return { actor, value: await load(id, actor) };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "NOT_FOUND") notFound();
    return { actor, refusal: err };
  }
}
