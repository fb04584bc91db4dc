import { HEALTH_LABEL, type Health } from "@/lib/liaisons/schemas";

const HEALTH_STYLE: Record<Health, string> = {
  fine: "bg-green-100 text-green-900",
  needs_attention: "bg-amber-100 text-amber-950",
  at_risk: "bg-red-100 text-red-900",
};

/** A check-in's health, as words (the colour only repeats them). */
export function HealthBadge({ health }: { health: Health }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ${HEALTH_STYLE[health]}`}>
      {HEALTH_LABEL[health]}
    </span>
  );
}

/** Shown when no check-in came within the cadence. */
export function OverdueBadge() {
  return (
    <span className="inline-block rounded-full bg-red-100 px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-red-900">
      overdue
    </span>
  );
}

/** What the liaison is to: a project's display name or the foundation's name. */
export function targetName(l: { project: { displayName: string } | null; foundation: string | null }): string {
  return l.project?.displayName ?? l.foundation ?? "no target";
}
