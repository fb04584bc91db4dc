import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import {
  HELD_CLAIM_STATUSES,
  isLiveClaim,
  ITEM_STATUS_LABEL,
  VOLUNTEERED_CLAIM_STATUSES,
  type ItemStatus,
} from "@/lib/vocabulary";
import { getItem, isUnpublished } from "./queries";
import { isStaleClaim, staleAfterDaysOf } from "./stale-claims";

/**
 * What the item page shows one viewer, decided here rather than in the page: whether they may see
 * the item at all (drafts and discarded drafts are their TAGs' leads' only: for anyone else the
 * item does not exist, its title and `<title>` included), what they may do, and the claims
 * sorted into the page's lists with the one stale-claim rule applied.
 */
export async function getItemView(itemId: string, actor: Actor | null, now: Date) {
  const item = await getItem(itemId);
  if (!item) return null;
  const mayIn = (action: "help-wanted.decide" | "help-wanted.create" | "help-wanted.invite") =>
    item.tags.some((t) => can(actor, action, t.id));
  const may = {
    lead: mayIn("help-wanted.decide"),
    edit: mayIn("help-wanted.create"),
    invite: mayIn("help-wanted.invite"),
  };
  const unpublished = isUnpublished(item);
  if (unpublished && !may.edit) return null;

  const staleAfterDays = staleAfterDaysOf(item.tags);
  const claims = item.claims.map((c) => ({ ...c, stale: isStaleClaim(c, staleAfterDays, now) }));
  const held = (s: string) => (HELD_CLAIM_STATUSES as readonly string[]).includes(s);
  const mine = actor ? claims.filter((c) => c.userId === actor.id) : [];
  return {
    item,
    may,
    unpublished,
    status: statusText(item),
    myLive: mine.find((c) => isLiveClaim(c.status)),
    myPast: mine.filter((c) => !isLiveClaim(c.status)),
    requests: claims.filter((c) => c.status === "requested"),
    invited: claims.filter((c) => c.status === "invited"),
    held: claims.filter((c) => held(c.status)),
    // Everyone who offered, a pending offer included: the page must not say "Nobody yet" while one waits.
    people: claims.filter((c) => (VOLUNTEERED_CLAIM_STATUSES as readonly string[]).includes(c.status)),
    updates: claims
      .flatMap((c) => c.updates.map((u) => ({ ...u, volunteer: c.user.login })))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    loginOf: new Map<string, string>([
      ...item.history.flatMap((h) => (h.actorId && h.actorLogin ? [[h.actorId, h.actorLogin] as const] : [])),
      ...item.claims.map((c) => [c.userId, c.user.login] as const),
    ]),
    placesLeft: Math.max(0, item.places - item.placesTaken),
  };
}

export type ItemView = NonNullable<Awaited<ReturnType<typeof getItemView>>>;

/** The item's status in words: a closed item says how it ended. */
function statusText(item: { status: string; closedReason: string | null; source: string; reviewedAt: Date | null }) {
  if (item.status !== "closed") return ITEM_STATUS_LABEL[item.status as ItemStatus] ?? item.status;
  return item.closedReason === "done"
    ? "Done (closed)"
    : item.source === "github" && item.reviewedAt === null
      ? "Discarded draft"
      : "Closed";
}
