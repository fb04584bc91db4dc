import { Badge, type BadgeTone } from "@/components/ui/badge";
import { HEALTH_LABEL, type Health } from "@/lib/liaisons/schemas";

const HEALTH_TONE: Record<Health, BadgeTone> = { fine: "green", needs_attention: "amber", at_risk: "red" };

/** A check-in's health, as words (the colour only repeats them). */
export function HealthBadge({ health }: { health: Health }) {
  return <Badge tone={HEALTH_TONE[health]}>{HEALTH_LABEL[health]}</Badge>;
}

/** Shown when no check-in came within the cadence. */
export function OverdueBadge() {
  return (
    <Badge tone="red" className="uppercase tracking-wide">
      overdue
    </Badge>
  );
}

/** What the liaison is to: a project's display name or the foundation's name. */
export function targetName(l: { project: { displayName: string } | null; foundation: string | null }): string {
  return l.project?.displayName ?? l.foundation ?? "no target";
}
