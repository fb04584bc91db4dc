import { ACTIVITY_STATUS_LABEL, type ActivityStatus } from "@/lib/vocabulary";

const STYLE: Record<ActivityStatus, string> = {
  active: "bg-green-50 text-green-900 ring-green-200",
  quiet: "bg-amber-50 text-amber-900 ring-amber-200",
  inactive: "bg-slate-100 text-slate-800 ring-slate-300",
};

/** A person's activity status in a TAG (active, quiet, inactive), as the roster and profiles show it. */
export function ActivityBadge({ status }: { status: ActivityStatus }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${STYLE[status]}`}>
      {ACTIVITY_STATUS_LABEL[status]}
    </span>
  );
}
