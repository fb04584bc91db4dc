import { InvitationAnswer } from "@/components/help-wanted/invitation-answer";
import { ActionForm } from "@/components/ui/action-form";
import type { FieldSpec } from "@/components/ui/action-form";
import { CheckboxField } from "@/components/ui/form";
import {
  answerInvitationAction,
  editProgressAction,
  markDoneAction,
  postProgressAction,
  withdrawClaimAction,
} from "../actions";
import { CLAIM_STATUS, StaleBadge } from "./claim-status";

/** The viewer's own live claim: what it is waiting for, and the forms for its next step. */
export function MyClaim({
  claim,
  title,
  stale,
}: {
  claim: { id: string; status: string; message: string; lastActivityAt: Date };
  title: string;
  stale: boolean;
}) {
  return (
    <div className="space-y-4">
      {/* A live region: after volunteering or marking done, the form that was used is gone and this says what happened. */}
      <div role="status" className="space-y-1">
        <p className="text-slate-800">
          Your claim: <strong>{CLAIM_STATUS[claim.status]}</strong>
          {stale && <StaleBadge />}
        </p>
        {claim.status === "requested" && (
          <p className="text-sm text-slate-600">A TAG lead will accept or decline your offer; you will be notified.</p>
        )}
        {claim.status === "done" && <p className="text-sm text-slate-600">A TAG lead will confirm your work.</p>}
        {claim.status === "invited" && (
          <p className="text-sm text-slate-600">
            A TAG lead invited you to this item{claim.message ? `: “${claim.message}”` : "."}
          </p>
        )}
      </div>
      {claim.status === "invited" && (
        <InvitationAnswer claimId={claim.id} title={title} action={answerInvitationAction} />
      )}
      {claim.status === "accepted" && (
        <>
          <p className="text-sm">
            <a href="#progress" className="text-brand-700 underline">
              Post progress
            </a>{" "}
            under Updates.
          </p>
          <ActionForm
            action={markDoneAction}
            hidden={{ claimId: claim.id }}
            label="Mark done"
            fields={[
              {
                name: "evidenceUrl",
                label: "Evidence link",
                type: "url",
                required: true,
                hint: "A PR, a post, a recording: what shows the work.",
              },
            ]}
            submit="Mark done"
          />
        </>
      )}
      {(claim.status === "requested" || claim.status === "accepted") && (
        <ActionForm
          action={withdrawClaimAction}
          hidden={{ claimId: claim.id }}
          confirm="Withdraw…"
          submit="Yes, withdraw"
          danger
        />
      )}
    </div>
  );
}

/** A progress update's fields, empty to post one or filled to edit one. */
const progressFields = (u?: { body: string; link: string | null }): FieldSpec[] => [
  {
    name: "body",
    label: "Progress update",
    type: "textarea",
    required: true,
    hint: "Markdown. What happened since your last update?",
    defaultValue: u?.body,
  },
  { name: "link", label: "Link (optional)", type: "url", defaultValue: u?.link ?? undefined },
];

/**
 * The volunteer's progress form, in the item's main column under its updates. With a linked
 * GitHub issue it may also go there as a comment (off unless ticked).
 */
export function ProgressForm({ claimId, githubIssue }: { claimId: string; githubIssue: boolean }) {
  return (
    <div id="progress">
      <ActionForm
        action={postProgressAction}
        hidden={{ claimId }}
        label="Post progress"
        fields={progressFields()}
        submit="Post update"
      >
        {githubIssue && (
          <CheckboxField
            name="alsoGithub"
            label="Also comment on GitHub"
            hint="The update is posted on the item's GitHub issue too, under the portal's name, with a link here."
            state={null}
            idPrefix="progress"
          />
        )}
      </ActionForm>
    </div>
  );
}

/** Editing one's own progress update while the edit window is open (the server checks it again). */
export function EditProgress({ update }: { update: { id: string; body: string; link: string | null } }) {
  return (
    <ActionForm
      action={editProgressAction}
      hidden={{ updateId: update.id }}
      confirm="Edit this update"
      label="Edit your progress update"
      fields={progressFields(update)}
      submit="Save the edit"
      compact
    />
  );
}
