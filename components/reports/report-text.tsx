import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { TEXT_KIND_LABEL, type TextKind } from "@/lib/reports/schemas";

/**
 * "Report…" under a text anyone signed in can report to its TAG's leads (issue 18, point 12).
 * `action` is the item route's `reportTextAction`. The author does not see it under their own text.
 */
export function ReportText({
  kind,
  id,
  login,
  action,
}: {
  kind: TextKind;
  /** The text's id; a bio is named by its person's login instead. */
  id?: string;
  login?: string;
  action: ServerAction;
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ subjectType: kind, ...(id ? { subjectId: id } : {}), ...(login ? { login } : {}) }}
      confirm={`Report this ${TEXT_KIND_LABEL[kind]}…`}
      label={`Report this ${TEXT_KIND_LABEL[kind]}`}
      description={
        kind === "bio"
          ? "The portal's admins see your report and may hide the text; its author is not told who reported it."
          : "The TAG's leads see your report and may hide the text; its author is not told who reported it."
      }
      fields={[{ name: "reason", label: "What is wrong with it", type: "textarea", required: true }]}
      submit="Send the report"
      className="mt-2"
      compact
    />
  );
}

/** What readers see in place of a hidden text. */
export function HiddenTextNotice({ reason, by = "the TAG's leads" }: { reason: string; by?: string }) {
  return (
    <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
      This text was hidden by {by}: {reason}
    </p>
  );
}
