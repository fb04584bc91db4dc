import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { createUser } from "@/tests/factories";
import { tagWithLead } from "@/tests/fixtures";
import { getItemView } from "./item-view";

describe("a draft item's page (docs/security.md, A7)", () => {
  it("exists, title included, only for the leads of its TAG: for anyone else it is not found", async () => {
    const { tag, leadActor } = await tagWithLead();
    const other = await tagWithLead();
    const at = new Date();
    const draft = await db.helpWantedItem.create({
      data: {
        title: "Secret draft title",
        kind: "review",
        status: "draft",
        createdAt: at,
        updatedAt: at,
        places: 1,
        tags: { create: [{ tagId: tag.id }] },
      },
    });
    const member = await loadActor((await createUser()).id);
    // The page's <title> and body both come from this view.
    expect((await getItemView(draft.id, leadActor, at))?.item.title).toBe("Secret draft title");
    for (const viewer of [null, member, other.leadActor]) expect(await getItemView(draft.id, viewer, at)).toBeNull();
  });
});
