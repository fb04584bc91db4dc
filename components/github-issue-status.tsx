/**
 * What the linked GitHub issue's state means for the item: closed on GitHub, or assigned there
 * (someone may already be on it). Nothing for an open, unassigned issue. Shown on the item page,
 * the board card and the lead console; the sync and `issues` webhooks keep it current.
 */
export function GithubIssueStatus({
  state,
  assignees,
  className = "",
}: {
  state: string | null;
  assignees: readonly string[];
  className?: string;
}) {
  const closed = state === "closed";
  if (!closed && assignees.length === 0) return null;
  const who = assignees.map((a) => `@${a}`).join(", ");
  return (
    <span className={`inline-flex flex-wrap gap-1.5 ${className}`}>
      {closed && (
        <span className="rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-medium text-slate-800">
          Issue closed on GitHub
        </span>
      )}
      {assignees.length > 0 && (
        <span className="rounded-full bg-violet-100 px-2.5 py-0.5 text-xs font-medium text-violet-900">
          Assigned on GitHub to {who}
        </span>
      )}
    </span>
  );
}
