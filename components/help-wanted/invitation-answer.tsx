import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";

/**
 * The invited person accepts (taking a place) or declines: on the item page and in /my-work.
 * `action` is the item route's `answerInvitationAction`.
 */
export function InvitationAnswer({ claimId, title, action }: { claimId: string; title: string; action: ServerAction }) {
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm
        action={action}
        hidden={{ claimId, decision: "accept" }}
        submit="Accept the invitation"
        label={`Accept the invitation to “${title}”`}
      />
      <ActionForm
        action={action}
        hidden={{ claimId, decision: "decline" }}
        confirm="Decline…"
        description="A declined invitation cannot be accepted later; you could still volunteer for the item."
        submit="Yes, decline the invitation"
        label={`Decline the invitation to “${title}”`}
        danger
      />
    </div>
  );
}
