import Link from "next/link";
import { ActivityBadge } from "@/components/activity-badge";
import { MatchReasons } from "@/components/help-wanted/match-reasons";
import { ActionForm } from "@/components/ui/action-form";
import { windowsText } from "@/lib/contributions/activity";
import type { SuggestedPerson } from "@/lib/matching/queries";
import { inviteAction } from "../actions";

/** The reverse match: the best available people for the item, why, their load and ambassador roles; invite one. */
export function Suggestions({ itemId, people }: { itemId: string; people: SuggestedPerson[] }) {
  return (
    <div>
      <h3 id="suggested-people" className="font-semibold text-slate-900">
        Suggested people
      </h3>
      <p className="text-sm text-slate-600">
        People whose profile fits this item best, who have not claimed it and allow suggestions. Invite one: they are
        notified and accept or decline.
      </p>
      {people.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nobody to suggest right now.</p>
      ) : (
        <ol className="mt-3 space-y-4" aria-label="Suggested people, best first">
          {people.map((p) => (
            <li key={p.id} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/people/${p.login}`} className="font-medium text-brand-700 underline">
                  @{p.login}
                </Link>
                {p.name && <span className="text-slate-700">{p.name}</span>}
                {p.isCncfAmbassador && (
                  <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900">
                    CNCF Ambassador
                  </span>
                )}
              </p>
              {p.tagAmbassadorRoles.length > 0 && (
                <p className="text-sm text-slate-700">
                  TAG Ambassador roles: {p.tagAmbassadorRoles.map((r) => `${r.role} (${r.tag})`).join("; ")}
                </p>
              )}
              {p.activity.map((a) => (
                <p key={a.tag} className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <ActivityBadge status={a.status} /> in {a.tag}: {windowsText(a.days)}
                </p>
              ))}
              <p className="text-sm text-slate-700">
                Current load:{" "}
                {p.acceptedClaims === 0
                  ? "no accepted claims"
                  : `${p.acceptedClaims} accepted ${p.acceptedClaims === 1 ? "claim" : "claims"}, about ${p.loadHours} h`}
                {p.hoursPerMonth !== null && ` of ${p.hoursPerMonth} h a month`}
              </p>
              <MatchReasons line={p.line} label="Why them" />
              <ActionForm
                action={inviteAction}
                hidden={{ itemId, userId: p.id }}
                confirm={`Invite @${p.login}…`}
                fields={[
                  {
                    name: "message",
                    label: `Message to @${p.login}`,
                    type: "textarea",
                    hint: "Optional: why you thought of them.",
                  },
                ]}
                submit={`Invite @${p.login}`}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
