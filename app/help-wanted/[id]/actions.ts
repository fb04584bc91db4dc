"use server";

import { revalidatePath } from "next/cache";
import { expireBoardCache } from "@/lib/help-wanted/board-cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { now } from "@/lib/clock";
import { fetchLinkedIssue } from "@/lib/github/issue-links";
import { createIssueForItem, githubIssueSync } from "@/lib/github/issue-sync";
import { CreateIssueSchema } from "@/lib/github/schemas";
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
import { ShadowSignOffSchema } from "@/lib/pathways/schemas";
import { signOffFromItem } from "@/lib/pathways/sign-offs";
import { decideReport, reportText, unhideText } from "@/lib/reports/reports";
import { DecideReportSchema, ReportTextSchema, UnhideTextSchema } from "@/lib/reports/schemas";
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

/** What the item's linked GitHub issue hears of a change (assignment, comments, the help-wanted label). */
const github = githubIssueSync();

/** Item pages, the board and the consoles all show claim and item state. */
function refresh() {
  revalidatePath("/help-wanted/[id]", "page");
  revalidatePath("/help-wanted");
  void expireBoardCache();
  revalidatePath("/manage/[slug]", "page");
  revalidatePath("/my-work");
  revalidatePath("/help-wanted/for-you");
}

// The item schema depends on the portal clock (a due date must be in its future): built per call.
const editSchema = async () => itemSchema(await now()).extend({ itemId: z.uuid() });

export const updateItemAction = defineAction(
  editSchema,
  async ({ itemId, ...input }, actor) => {
    const r = await updateItem(actor, itemId, input, fetchLinkedIssue);
    // An edit can change how the item matches: every replica reloads its matching snapshot.
    markSnapshotStale();
    return r;
  },
  { successMessage: "Changes saved. People holding this item were told.", revalidate: refresh },
);
export const publishDraftAction = defineAction(
  editSchema,
  ({ itemId, ...input }, actor) => publishDraft(actor, itemId, input, fetchLinkedIssue),
  { successMessage: "Published: the item is on the board now.", revalidate: refresh },
);
export const discardDraftAction = defineAction(DiscardDraftSchema, (i, a) => discardDraft(a, i.itemId, i.reason), {
  successMessage: "Draft discarded: it will not be offered again.",
  revalidate: refresh,
});
export const closeItemAction = defineAction(CloseItemSchema, (i, a) => closeItem(a, i.itemId, i.reason, github), {
  successMessage: "Item closed.",
  revalidate: refresh,
});
export const markReviewedAction = defineAction(ItemIdSchema, (i, a) => markItemReviewed(a, i.itemId), {
  successMessage: "Kept: marked reviewed.",
  revalidate: refresh,
});
export const volunteerAction = defineAction(VolunteerSchema, (i, a) => volunteerForItem(a, i, github), {
  successMessage: (r) =>
    r.status === "accepted" ? "You're on it: your place is confirmed." : "Thanks! A TAG lead will answer your offer.",
  revalidate: refresh,
});
export const decideClaimAction = defineAction(DecideClaimSchema, (i, a) => decideClaim(a, i, github), {
  successMessage: (r) => (r.status === "accepted" ? "Accepted: the volunteer holds a place." : "Declined."),
  revalidate: refresh,
});
export const withdrawClaimAction = defineAction(ClaimIdSchema, (i, a) => withdrawClaim(a, i, github), {
  successMessage: "You withdrew. Thank you for letting the TAG know.",
  revalidate: refresh,
});
export const releaseClaimAction = defineAction(ClaimIdSchema, (i, a) => releaseClaim(a, i, github), {
  successMessage: "Released: the place is open again.",
  revalidate: refresh,
});
export const postProgressAction = defineAction(ProgressSchema, (i, a) => postProgress(a, i, github), {
  successMessage: (r) => (r.alsoGithub ? "Update posted; it goes to the GitHub issue too." : "Update posted."),
  revalidate: refresh,
});
export const editProgressAction = defineAction(EditProgressSchema, (i, a) => editProgress(a, i), {
  successMessage: "Update edited.",
  revalidate: refresh,
});
export const sendFollowUpAction = defineAction(FollowUpSchema, (i, a) => sendFollowUp(a, i), {
  successMessage: "Follow-up sent to the volunteer.",
  revalidate: refresh,
});
export const markDoneAction = defineAction(DoneSchema, (i, a) => markClaimDone(a, i, github), {
  successMessage: "Marked done. A lead will confirm.",
  revalidate: refresh,
});
export const confirmCompletionAction = defineAction(ClaimIdSchema, (i, a) => confirmCompletion(a, i, github), {
  successMessage: "Completion confirmed: it now counts as a contribution.",
  revalidate: refresh,
});

export const createIssueAction = defineAction(CreateIssueSchema, (i, a) => createIssueForItem(a, i), {
  successMessage: (r) => `The GitHub issue is being created in ${r.repo}; the item links it in a moment.`,
  revalidate: refresh,
});

export const inviteAction = defineAction(InviteSchema, (i, a) => inviteToItem(a, i), {
  successMessage: (r) => `Invited @${r.login}: they were notified and can accept or decline.`,
  revalidate: refresh,
});
export const answerInvitationAction = defineAction(AnswerInvitationSchema, (i, a) => answerInvitation(a, i, github), {
  successMessage: (r) =>
    r.status === "accepted" ? "You're on it: your place is confirmed." : "Declined. Thank you for answering.",
  revalidate: refresh,
});

/** A hidden item leaves the board (lib/help-wanted/board.ts; `refresh` drops its caches); shown again, it returns. */
function afterHideOrShow() {
  refresh();
  revalidatePath("/people/[login]", "page");
  revalidatePath("/elections/[id]", "page");
}

// Reports of a text go to its TAG's leads, who decide in the lead console (issue 18, point 12).
// Shared by every page that shows a reportable text (items, updates, statements, bios).
export const reportTextAction = defineAction(ReportTextSchema, (i, a) => reportText(a, i), {
  successMessage: "Reported. The TAG's leads will look at it; thank you.",
});
export const showTextAgainAction = defineAction(UnhideTextSchema, (i, a) => unhideText(a, i), {
  successMessage: "Shown again. The log keeps the hide and your reason.",
  revalidate: afterHideOrShow,
});
export const decideReportAction = defineAction(DecideReportSchema, (i, a) => decideReport(a, i), {
  successMessage: (r) => (r.outcome === "hidden" ? "Hidden: readers see your reason in its place." : "Kept as it is."),
  revalidate: afterHideOrShow,
});

/** The mentor a shadowing item names signs off one of its volunteers for the item's ladder step (issue 21). */
export const signOffShadowAction = defineAction(ShadowSignOffSchema, (i, a) => signOffFromItem(a, i), {
  successMessage: (r) => `@${r.mentee} is signed off for "${r.step}".`,
  revalidate: () => {
    refresh();
    revalidatePath("/pathways");
  },
});
