import { ActionForm } from "@/components/ui/action-form";
import { describeWrite } from "@/lib/github/write-marker";
import { createIssueAction } from "../actions";

/**
 * The item's GitHub issue for its leads: create it in one of the TAG's repositories when the item
 * has none, and see writes to GitHub that wait for a retry or failed (issue 19 point 2).
 */
export function GithubWrites({
  itemId,
  linked,
  open,
  repositories,
  writes,
}: {
  itemId: string;
  linked: boolean;
  open: boolean;
  repositories: string[];
  /** `target`: where the write goes, in words (a repository, or the project board by its title). */
  writes: { id: string; kind: string; status: string; attempts: number; lastError: string | null; target: string }[];
}) {
  const creating = writes.some((w) => w.kind === "create-issue" && w.status === "pending");
  if (!writes.length && (linked || !open || !repositories.length)) return null;
  return (
    <div className="space-y-3">
      <h3 className="font-semibold text-slate-900">GitHub</h3>
      {writes.length > 0 && (
        <ul className="space-y-1 text-sm">
          {writes.map((w) => (
            <li key={w.id} className={`break-words ${w.status === "failed" ? "text-red-800" : "text-slate-700"}`}>
              {describeWrite(w.kind)} on {w.target}:{" "}
              {w.status === "failed"
                ? `failed after ${w.attempts} attempts (${w.lastError ?? "no answer"})`
                : w.attempts
                  ? `waiting to try again (${w.lastError ?? "no answer"})`
                  : "on its way"}
            </li>
          ))}
        </ul>
      )}
      {!linked && open && repositories.length > 0 && !creating && (
        <ActionForm
          action={createIssueAction}
          hidden={{ itemId }}
          label="Create the GitHub issue"
          description="The issue gets this item's title and description, a link back here and the help-wanted label."
          fields={[
            {
              name: "repo",
              label: "Repository",
              required: true,
              options: repositories.map((r) => [r, r] as const),
            },
          ]}
          submit="Create the GitHub issue"
        />
      )}
    </div>
  );
}
