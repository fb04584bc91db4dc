import { answerInvitationAction } from "../actions";
import { ActionForm } from "./action-form";

/** The invited person accepts (taking a place) or declines: on the item page and in /my-work. */
export function InvitationAnswer({ claimId, title }: { claimId: string; title: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm
        action={answerInvitationAction}
        hidden={{ claimId, decision: "accept" }}
        submit="Accept the invitation"
        label={`Accept the invitation to “${title}”`}
      />
      <ActionForm
        action={answerInvitationAction}
        hidden={{ claimId, decision: "decline" }}
        submit="Decline"
        label={`Decline the invitation to “${title}”`}
        danger
      />
    </div>
  );
}
