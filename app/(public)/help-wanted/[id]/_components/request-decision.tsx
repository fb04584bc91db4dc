import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { decideClaimAction } from "../actions";
import { ActionForm } from "./action-form";

/** Accept or decline one volunteer's request: on the item page and in the lead console. */
export function RequestDecision({ claimId, login }: { claimId: string; login: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm action={decideClaimAction} hidden={{ claimId, decision: "accept" }} submit={`Accept @${login}`} />
      <ActionForm
        action={decideClaimAction}
        hidden={{ claimId, decision: "decline" }}
        submit={`Decline @${login}`}
        danger
      />
    </div>
  );
}

/**
 * One pending request as a list item: who, when, their message and the accept/decline buttons.
 * With `item` (the lead console) it also says which item the request is for.
 */
export function PendingRequest({
  claim,
  item,
}: {
  claim: { id: string; user: { login: string }; createdAt: Date; message: string | null };
  item?: { id: string; title: string };
}) {
  const login = claim.user.login;
  return (
    <li className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
      <p>
        <Link href={`/people/${login}`} className="font-medium text-brand-700 underline">
          @{login}
        </Link>{" "}
        {item ? (
          <>
            for{" "}
            <Link href={`/help-wanted/${item.id}`} className="text-brand-700 underline">
              {item.title}
            </Link>{" "}
            <span className="text-sm text-slate-600">
              (<LocalTime iso={claim.createdAt.toISOString()} />)
            </span>
          </>
        ) : (
          <span className="text-sm text-slate-600">
            asked <LocalTime iso={claim.createdAt.toISOString()} />
          </span>
        )}
      </p>
      {claim.message && <p className="whitespace-pre-line text-slate-800">{claim.message}</p>}
      <RequestDecision claimId={claim.id} login={login} />
    </li>
  );
}
