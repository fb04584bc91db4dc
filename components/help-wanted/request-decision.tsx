import { PersonLink } from "@/components/ui/person-link";
import { DateTime } from "@/components/ui/time";
import { Tile } from "@/components/ui/section";
import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { ItemLink } from "@/components/help-wanted/item-link";

/** Accept or decline one volunteer's request: on the item page and in the lead console. */
export function RequestDecision({ claimId, login, action }: { claimId: string; login: string; action: ServerAction }) {
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm action={action} hidden={{ claimId, decision: "accept" }} submit={`Accept @${login}`} />
      <ActionForm action={action} hidden={{ claimId, decision: "decline" }} submit={`Decline @${login}`} danger />
    </div>
  );
}

/**
 * One pending request as a list item: who, when, their message and the accept/decline buttons.
 * With `item` (the lead console) it also says which item the request is for. `decide` is the
 * item route's `decideClaimAction`.
 */
export function PendingRequest({
  claim,
  item,
  decide,
}: {
  claim: { id: string; user: { login: string }; createdAt: Date; message: string | null };
  item?: { id: string; title: string };
  decide: ServerAction;
}) {
  const login = claim.user.login;
  return (
    <Tile>
      <p>
        <PersonLink login={login} strong />{" "}
        {item ? (
          <>
            for <ItemLink item={item} />{" "}
            <span className="text-sm text-slate-600">
              (<DateTime iso={claim.createdAt.toISOString()} />)
            </span>
          </>
        ) : (
          <span className="text-sm text-slate-600">
            asked <DateTime iso={claim.createdAt.toISOString()} />
          </span>
        )}
      </p>
      {claim.message && <p className="whitespace-pre-line text-slate-800">{claim.message}</p>}
      <RequestDecision claimId={claim.id} login={login} action={decide} />
    </Tile>
  );
}
