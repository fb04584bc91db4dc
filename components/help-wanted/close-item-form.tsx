import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";

/**
 * Closes an item, or discards a draft (a draft never reached the board, and its GitHub issue is
 * never offered again), behind a disclosure that asks for the reason. `title` names the item in
 * the disclosure where several share a list (the lead console); `action` is the item route's
 * `closeItemAction` or `discardDraftAction`.
 */
export function CloseItemForm({
  action,
  itemId,
  title,
  draft = false,
}: {
  action: ServerAction;
  itemId: string;
  title?: string;
  draft?: boolean;
}) {
  const verb = draft ? "Discard" : "Close";
  return (
    <ActionForm
      action={action}
      hidden={{ itemId }}
      confirm={title ? `${verb} “${title}”…` : `${verb} this ${draft ? "draft" : "item"}…`}
      fields={[
        {
          name: "reason",
          label: "Reason",
          required: true,
          hint: draft
            ? "The GitHub issue is never offered again."
            : "Open requests are declined; people holding it are told.",
        },
      ]}
      submit={draft ? "Discard draft" : "Close item"}
      danger
    />
  );
}
