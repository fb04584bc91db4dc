import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { createUser } from "@/tests/factories";
import { tagWithLead } from "@/tests/fixtures";
import { workLinks } from "./work-links";

describe("the account menu's work entries", () => {
  it("a lead finds the console of each TAG they lead, a TOC member the decisions, a member neither", async () => {
    const { tag, leadActor } = await tagWithLead();
    expect(await workLinks(leadActor)).toEqual([{ href: `/manage/${tag.slug}`, label: `Lead console: ${tag.name}` }]);
    const toc = (await loadActor((await createUser({ isTocMember: true })).id))!;
    expect(await workLinks(toc)).toEqual([{ href: "/toc/decisions", label: "TOC decisions" }]);
    const member = (await loadActor((await createUser()).id))!;
    expect(await workLinks(member)).toEqual([]);
  });
});
