import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { listOpenDecisions, type DecisionSummary } from "@/lib/decisions/queries";
import { needsProfileStep } from "@/lib/people/profile-step";
import { leadAttention, personalAttention, type AttentionItem } from "./attention";

export interface Today {
  /** First sign-in: the profile step is neither done nor skipped. */
  profileStep: boolean;
  /** A volunteer's own list: invitations, updates due, check-ins due, new matches. */
  personal: AttentionItem[];
  /** Each TAG the person leads, by name, with the same list its lead console shows. */
  leads: { tag: { id: string; slug: string; name: string }; items: AttentionItem[] }[];
  /** For people who vote on TOC decisions: the open ones still waiting for their vote, then the rest. */
  decisions: { toCast: DecisionSummary[]; others: DecisionSummary[] } | null;
}

/**
 * Home as today's list (issue 18, point 3): every role's items, from the functions the consoles
 * use (the lead console's `leadAttention`, the decisions page's `listOpenDecisions`), so home and
 * console never disagree.
 */
export async function todayFor(actor: Actor): Promise<Today> {
  const tags = actor.leadTagIds.length
    ? await db.tag.findMany({
        where: { id: { in: [...actor.leadTagIds] } },
        orderBy: { name: "asc" },
        select: { id: true, slug: true, name: true },
      })
    : [];
  const [profileStep, personal, leads, open] = await Promise.all([
    needsProfileStep(actor.id),
    personalAttention(actor.id),
    Promise.all(tags.map(async (tag) => ({ tag, items: await leadAttention(actor, tag.id) }))),
    can(actor, "decision.vote") ? listOpenDecisions(actor) : null,
  ]);
  const decisions = open && {
    toCast: open.filter((d) => d.viewer === "vote"),
    others: open.filter((d) => d.viewer !== "vote"),
  };
  return { profileStep, personal, leads, decisions };
}
