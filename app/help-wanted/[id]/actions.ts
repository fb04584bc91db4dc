"use server";

import { revalidatePath } from "next/cache";
import { invalidateBoard } from "@/lib/help-wanted/board-cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { now } from "@/lib/clock";
import { fetchLinkedIssue } from "@/lib/github/issue-links";
import {
  confirmCompletion,
  decideClaim,
  markClaimDone,
  postProgress,
  releaseClaim,
  sendFollowUp,
  volunteerForItem,
  withdrawClaim,
} from "@/lib/help-wanted/claims";
import { closeItem, discardDraft, publishDraft, updateItem } from "@/lib/help-wanted/items";
import { markItemReviewed } from "@/lib/help-wanted/review";
import { answerInvitation, inviteToItem } from "@/lib/help-wanted/invitations";
import { markSnapshotStale } from "@/lib/matching/snapshot";
import {
  AnswerInvitationSchema,
  InviteSchema,
  ClaimIdSchema,
  CloseItemSchema,
  DiscardDraftSchema,
  DecideClaimSchema,
  DoneSchema,
  FollowUpSchema,
  ItemIdSchema,
  itemSchema,
  ProgressSchema,
  VolunteerSchema,
} from "@/lib/help-wanted/schemas";

/** Item pages, the board and the consoles all show claim and item state. */
function refresh() {
  revalidatePath("/help-wanted/[id]", "page");
  revalidatePath("/help-wanted");
  invalidateBoard();
  revalidatePath("/manage/[slug]", "page");
  revalidatePath("/my-work");
  revalidatePath("/help-wanted/for-you");
}

/** Refreshes the pages that show the change and passes the result through. */
function after<T>(result: T): T {
  refresh();
  return result;
}

// The item schema depends on the portal clock (a due date must be in its future): built per call.
const editSchema = async () => itemSchema(await now()).extend({ itemId: z.uuid() });

const update = defineAction(
  editSchema,
  async ({ itemId, ...input }, actor) => {
    const r = await updateItem(actor, itemId, input, fetchLinkedIssue);
    // An edit can change how the item matches: reload this process's matching snapshot.
    markSnapshotStale();
    return after(r);
  },
  { successMessage: "Changes saved. People holding this item were told." },
);
const publish = defineAction(
  editSchema,
  async ({ itemId, ...input }, actor) => after(await publishDraft(actor, itemId, input, fetchLinkedIssue)),
  {
    successMessage: "Published: the item is on the board now.",
  },
);
const discard = defineAction(DiscardDraftSchema, async (i, a) => after(await discardDraft(a, i.itemId, i.reason)), {
  successMessage: "Draft discarded: it will not be offered again.",
});
const close = defineAction(CloseItemSchema, async (i, a) => after(await closeItem(a, i.itemId, i.reason)), {
  successMessage: "Item closed.",
});
const review = defineAction(ItemIdSchema, async (i, a) => after(await markItemReviewed(a, i.itemId)), {
  successMessage: "Kept: marked reviewed.",
});
const volunteer = defineAction(VolunteerSchema, async (i, a) => after(await volunteerForItem(a, i)));
const decide = defineAction(DecideClaimSchema, async (i, a) => after(await decideClaim(a, i)));
const withdraw = defineAction(ClaimIdSchema, async (i, a) => after(await withdrawClaim(a, i)), {
  successMessage: "You withdrew. Thank you for letting the TAG know.",
});
const release = defineAction(ClaimIdSchema, async (i, a) => after(await releaseClaim(a, i)), {
  successMessage: "Released: the place is open again.",
});
const progress = defineAction(ProgressSchema, async (i, a) => after(await postProgress(a, i)), {
  successMessage: "Update posted.",
});
const followUp = defineAction(FollowUpSchema, async (i, a) => after(await sendFollowUp(a, i)), {
  successMessage: "Follow-up sent to the volunteer.",
});
const done = defineAction(DoneSchema, async (i, a) => after(await markClaimDone(a, i)), {
  successMessage: "Marked done. A lead will confirm.",
});
const confirm = defineAction(ClaimIdSchema, async (i, a) => after(await confirmCompletion(a, i)), {
  successMessage: "Completion confirmed: it now counts as a contribution.",
});

const invite = defineAction(InviteSchema, async (i, a) => after(await inviteToItem(a, i)), {
  successMessage: (r) => `Invited @${r.login}: they were notified and can accept or decline.`,
});
const answer = defineAction(AnswerInvitationSchema, async (i, a) => after(await answerInvitation(a, i)));

export async function updateItemAction(input: unknown) {
  return update(input);
}
export async function publishDraftAction(input: unknown) {
  return publish(input);
}
export async function discardDraftAction(input: unknown) {
  return discard(input);
}
export async function closeItemAction(input: unknown) {
  return close(input);
}
export async function markReviewedAction(input: unknown) {
  return review(input);
}
export async function volunteerAction(input: unknown) {
  const r = await volunteer(input);
  if (r.ok)
    r.message =
      r.data.status === "accepted"
        ? "You're on it: your place is confirmed."
        : "Thanks! A TAG lead will answer your offer.";
  return r;
}
export async function decideClaimAction(input: unknown) {
  const r = await decide(input);
  if (r.ok) r.message = r.data.status === "accepted" ? "Accepted: the volunteer holds a place." : "Declined.";
  return r;
}
export async function withdrawClaimAction(input: unknown) {
  return withdraw(input);
}
export async function releaseClaimAction(input: unknown) {
  return release(input);
}
export async function postProgressAction(input: unknown) {
  return progress(input);
}
export async function sendFollowUpAction(input: unknown) {
  return followUp(input);
}
export async function markDoneAction(input: unknown) {
  return done(input);
}
export async function confirmCompletionAction(input: unknown) {
  return confirm(input);
}
export async function inviteAction(input: unknown) {
  return invite(input);
}
export async function answerInvitationAction(input: unknown) {
  const r = await answer(input);
  if (r.ok)
    r.message =
      r.data.status === "accepted" ? "You're on it: your place is confirmed." : "Declined. Thank you for answering.";
  return r;
}
