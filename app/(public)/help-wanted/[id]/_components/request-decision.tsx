import { decideClaimAction } from "../actions";
import { ActionForm } from "./action-form";

/** Accept or decline one volunteer's request: on the item page and in the lead console. */
export function RequestDecision({ claimId, login }: { claimId: string; login: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm action={decideClaimAction} hidden={{ claimId, decision: "accept" }} submit={`Accept @${login}`} />
      <ActionForm action={decideClaimAction} hidden={{ claimId, decision: "decline" }} submit={`Decline @${login}`} danger />
    </div>
  );
}
