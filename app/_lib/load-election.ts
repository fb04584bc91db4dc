import "server-only";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { getElection } from "@/lib/elections/queries";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/vocabulary";

/** Loads an election for a page, or answers 404 for one that does not exist or the viewer may not see. */
export async function loadForPage(id: string) {
  const actor = await getActor();
  const electionId = parseId(id);
  if (!electionId) notFound();
  try {
    return { actor, e: await getElection(electionId, actor) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
