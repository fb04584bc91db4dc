import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { BEGIN, DOC_PATH, END, permissionsTable, renderPermissionsDoc } from "./docs-permissions.ts";

describe("docs/permissions.md", () => {
  it("shows the permission table as lib/auth/permissions.ts has it (else run `npm run docs:permissions`)", () => {
    const doc = fs.readFileSync(DOC_PATH, "utf8");
    expect(doc, "docs/permissions.md is out of date: run `npm run docs:permissions`").toBe(renderPermissionsDoc(doc));
    for (const action of Object.keys(PERMISSIONS)) expect(doc).toContain(`| \`${action}\` |`);
  });
});

describe("the generator", () => {
  const doc = `# Title\n\nHand-written.\n\n${BEGIN}\nold table\n${END}\n\n## After\n\nAlso hand-written.\n`;

  it("replaces only the part between the markers, and a second run changes nothing", () => {
    const once = renderPermissionsDoc(doc);
    expect(once.startsWith("# Title\n\nHand-written.\n\n<!-- permissions:begin -->\n")).toBe(true);
    expect(once.endsWith(`${END}\n\n## After\n\nAlso hand-written.\n`)).toBe(true);
    expect(once).not.toContain("old table");
    expect(renderPermissionsDoc(once)).toBe(once);
  });

  it("takes new actions and new roles without being changed, and keeps cells in one line", () => {
    const table = permissionsTable({
      "tag.manage": { scope: "global", roles: ["admin"], description: "create and edit TAGs" },
      "thing.do": { scope: "tag", roles: ["lead", "steward"], description: "a | pipe\nand a line break" },
      "thing.read": { scope: "tag", roles: ["member"] },
    });
    const [header, , ...rows] = table.split("\n");
    expect(header).toBe(
      "| action | what it allows | scope | signed-in member | CNCF Ambassador | lead of the TAG | chair of the TAG | TOC member | admin | steward |",
    );
    expect(rows).toEqual([
      "| `tag.manage` | create and edit TAGs | global | - | - | - | - | - | yes | - |",
      "| `thing.do` | a \\| pipe and a line break | a TAG | - | - | yes | - | - | - | yes |",
      "| `thing.read` |  | a TAG | yes | - | - | - | - | - | - |",
    ]);
  });

  it("refuses a document without both markers", () => {
    expect(() => renderPermissionsDoc("# No markers\n")).toThrow(/permissions:begin/);
    expect(() => renderPermissionsDoc(`${END}\n${BEGIN}\n`)).toThrow(/in that order/);
  });
});
