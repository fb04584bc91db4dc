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
  editProgress,
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
  EditProgressSchema,
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

// The item schema depends on the portal clock (a due date must be in its future): built per call.
const editSchema = async () => itemSchema(await now()).extend({ itemId: z.uuid() });

const update = defineAction(
  editSchema,
  async ({ itemId, ...input }, actor) => {
    const r = await updateItem(actor, itemId, input, fetchLinkedIssue);
    // An edit can change how the item matches: reload this process's matching snapshot.
    markSnapshotStale();
    return r;
  },
  { successMessage: "Changes saved. People holding this item were told.", revalidate: refresh },
);
const publish = defineAction(
  editSchema,
  ({ itemId, ...input }, actor) => publishDraft(actor, itemId, input, fetchLinkedIssue),
  { successMessage: "Published: the item is on the board now." },
);
const discard = defineAction(DiscardDraftSchema, (i, a) => discardDraft(a, i.itemId, i.reason), {
  successMessage: "Draft discarded: it will not be offered again.",
  revalidate: refresh,
});
const close = defineAction(CloseItemSchema, (i, a) => closeItem(a, i.itemId, i.reason), {
  successMessage: "Item closed.",
  revalidate: refresh,
});
const review = defineAction(ItemIdSchema, (i, a) => markItemReviewed(a, i.itemId), {
  successMessage: "Kept: marked reviewed.",
  revalidate: refresh,
});
const volunteer = defineAction(VolunteerSchema, (i, a) => volunteerForItem(a, i), { revalidate: refresh });
const decide = defineAction(DecideClaimSchema, (i, a) => decideClaim(a, i), { revalidate: refresh });
const withdraw = defineAction(ClaimIdSchema, (i, a) => withdrawClaim(a, i), {
  successMessage: "You withdrew. Thank you for letting the TAG know.",
  revalidate: refresh,
});
const release = defineAction(ClaimIdSchema, (i, a) => releaseClaim(a, i), {
  successMessage: "Released: the place is open again.",
  revalidate: refresh,
});
const progress = defineAction(ProgressSchema, (i, a) => postProgress(a, i), {
  successMessage: "Update posted.",
  revalidate: refresh,
});
const editUpdate = defineAction(EditProgressSchema, (i, a) => editProgress(a, i), {
  successMessage: "Update edited.",
  revalidate: refresh,
});
const followUp = defineAction(FollowUpSchema, (i, a) => sendFollowUp(a, i), {
  successMessage: "Follow-up sent to the volunteer.",
  revalidate: refresh,
});
const done = defineAction(DoneSchema, (i, a) => markClaimDone(a, i), {
  successMessage: "Marked done. A lead will confirm.",
  revalidate: refresh,
});
const confirm = defineAction(ClaimIdSchema, (i, a) => confirmCompletion(a, i), {
  successMessage: "Completion confirmed: it now counts as a contribution.",
  revalidate: refresh,
});

const invite = defineAction(InviteSchema, (i, a) => inviteToItem(a, i), {
  successMessage: (r) => `Invited @${r.login}: they were notified and can accept or decline.`,
  revalidate: refresh,
});
const answer = defineAction(AnswerInvitationSchema, (i, a) => answerInvitation(a, i), { revalidate: refresh });

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
export async function editProgressAction(input: unknown) {
  return editUpdate(input);
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
