import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActionButtons } from "@/components/ui/action-buttons";
import { SortableTable } from "@/components/ui/sortable-table";
import { Receipt } from "@/components/elections/ballot-form";

/** The `<button>` tags of the server's HTML (what a person can press before the page hydrates). */
const buttons = (html: string) => html.match(/<button\b[^>]*>/g) ?? [];

describe("buttons that only work in the browser are disabled in the server's HTML", () => {
  it.each([
    [
      "an action button",
      createElement(ActionButtons, {
        buttons: [{ label: "Approve", ariaLabel: "Approve it", run: async () => ({ ok: true }), done: () => "Done." }],
      }),
    ],
    [
      "a sortable column's header",
      createElement(SortableTable, {
        caption: "People",
        captionVisible: false,
        framed: false,
        columns: [{ header: "Name", sortable: true }],
        rows: [{ key: "a", cells: ["Ada"], sort: ["Ada"] }],
      }),
    ],
    ["a ballot receipt's copy button", createElement(Receipt, { receipt: "abc123" })],
  ])("%s", (_, element) => {
    const found = buttons(renderToString(element));
    expect(found.length).toBeGreaterThan(0);
    for (const b of found) expect(b).toMatch(/\sdisabled=""/);
  });
});
