import "server-only";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { getElection } from "@/lib/elections/queries";
import { AppError } from "@/lib/errors";

/** Loads an election for a page, or answers 404 for one that does not exist or the viewer may not see. */
export async function loadForPage(id: string) {
  const actor = await getActor();
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return { actor, e: await getElection(id, actor) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
