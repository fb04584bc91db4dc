import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ACTIVITY_STATUS_LABEL, type ActivityStatus } from "@/lib/vocabulary";

const TONE: Record<ActivityStatus, BadgeTone> = { active: "green", quiet: "amber", inactive: "slate" };

/** A person's activity status in a TAG (active, quiet, inactive), as the roster and profiles show it. */
export function ActivityBadge({ status }: { status: ActivityStatus }) {
  return <Badge tone={TONE[status]}>{ACTIVITY_STATUS_LABEL[status]}</Badge>;
}
