import { ActivityBadge } from "@/components/activity-badge";
import { Avatar } from "@/components/ui/avatar";
import { FORMER_MEMBER, isFormerMember } from "@/lib/vocabulary";
import { DataTable } from "@/components/ui/data-table";
import { DateOnly } from "@/components/ui/time";
import { roleName } from "@/lib/vocabulary";

export interface SeatRow {
  id: string;
  kind: string;
  status: string;
  termEndAt: Date | null;
  endRequestedAt: Date | null;
  decisionLink?: string | null;
  /** The role definition (the version in force when the seat was given); null for foundation-era seats. */
  roleDefinition?: { name: string; version?: number } | null;
  /** Derived from the clock: a leave includes today. */
  onLeave?: boolean;
  leaves?: { from: Date; to: Date }[];
  user: {
    login: string;
    name: string | null;
    avatarUrl: string | null;
    region: string | null;
    employer: string | null;
  };
  /** Activity in this TAG by its rule, and "last contribution 8 months ago". */
  activity?: { status: "active" | "quiet" | "inactive"; text: string };
}

/** The roster of one TAG; `controls` renders per-seat actions for those allowed. */
export function RosterTable({ seats, controls }: { seats: SeatRow[]; controls?: (seat: SeatRow) => React.ReactNode }) {
  const withActivity = seats.some((s) => s.activity);
  if (seats.length === 0)
    return (
      <p className="rounded-xl bg-white p-6 text-slate-600 ring-1 ring-slate-200">
        No chairs, tech leads or other roles recorded yet.
      </p>
    );
  return (
    <DataTable
      caption="Leadership roster"
      framed
      rows={seats}
      columns={[
        {
          header: "Person",
          sort: (s) => (isFormerMember(s.user) ? FORMER_MEMBER.name : (s.user.name ?? s.user.login)),
          cell: (s) => (
            <>
              <span className="flex items-center gap-2">
                <Avatar login={s.user.login} src={s.user.avatarUrl} size={24} />
                {isFormerMember(s.user) ? (
                  <span className="text-slate-700">{FORMER_MEMBER.name}</span>
                ) : (
                  <a href={`/people/${s.user.login}`} className="text-brand-700 underline">
                    {s.user.name ?? s.user.login}
                  </a>
                )}
              </span>
              {controls?.(s)}
            </>
          ),
        },
        { header: "Role", cell: (s) => <RoleCell seat={s} /> },
        { header: "Region", cell: (s) => s.user.region ?? "—" },
        { header: "Employer", cell: (s) => s.user.employer ?? "—" },
        {
          header: "Term ends",
          sort: (s) => s.termEndAt ?? undefined,
          cell: (s) => (s.termEndAt ? <DateOnly date={s.termEndAt} /> : "—"),
        },
        withActivity && {
          header: "Activity",
          cell: (s) =>
            s.activity && (
              <>
                <ActivityBadge status={s.activity.status} />
                <span className="block text-xs text-slate-600">{s.activity.text}</span>
              </>
            ),
        },
      ]}
    />
  );
}

/** The seat's role with what is pending on it, its leave and the decision that gave it. */
function RoleCell({ seat: s }: { seat: SeatRow }) {
  // Leaves never overlap and come sorted, ending today or later: the first is the current one.
  const leave = s.onLeave ? s.leaves?.[0] : undefined;
  return (
    <>
      {roleName(s.kind, s.roleDefinition?.name)}
      {s.roleDefinition?.version && s.roleDefinition.version > 1 ? (
        <span className="ml-1 text-xs text-slate-500">(rules v{s.roleDefinition.version})</span>
      ) : null}
      {s.status === "pending" && (
        <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
          pending TOC approval
        </span>
      )}
      {s.endRequestedAt && (
        <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">
          end pending approval
        </span>
      )}
      {s.onLeave && (
        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800">
          on leave
          {leave && (
            <>
              {" "}
              until <DateOnly date={leave.to} />
            </>
          )}
        </span>
      )}
      {s.decisionLink && (
        <a href={s.decisionLink} rel="nofollow noopener" className="ml-2 text-xs text-brand-700 underline">
          decision
        </a>
      )}
    </>
  );
}
