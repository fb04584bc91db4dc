import "server-only";
import { getElection } from "@/lib/elections/queries";
import { loadByIdForPage } from "./load-for-page";

/** Loads an election for a page, or answers 404 for one that does not exist or the viewer may not see. */
export async function loadForPage(id: string) {
  const { actor, value: e, refusal } = await loadByIdForPage(Promise.resolve({ id }), getElection);
  if (refusal) throw refusal;
  return { actor, e };
}
