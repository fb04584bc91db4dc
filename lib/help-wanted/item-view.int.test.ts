import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { createTag, createUser } from "@/tests/factories";
import { decideClaim, volunteerForItem } from "./claims";
import { getItemView } from "./item-view";
import { createItem } from "./items";
import { itemSchema } from "./schemas";

describe("the item page's volunteers", () => {
  it("list a pending offer for every viewer, then the accepted volunteer; a declined one is not", async () => {
    const tag = await createTag();
    const lead = await createUser();
    await db.roleAssignment.create({
      data: {
        tagId: tag.id,
        userId: lead.id,
        kind: "chair",
        status: "active",
        requestedAt: new Date(),
        startAt: new Date(),
      },
    });
    const leadActor = await loadActor(lead.id);
    const input = itemSchema(await now()).parse({
      title: `Item ${randomUUID()}`,
      body: "Details",
      tags: tag.slug,
      kind: "content",
      places: 2,
    });
    const item = await createItem(leadActor, input);
    const first = await createUser();
    const second = await createUser();
    const volunteers = async () =>
      (await getItemView(item.id, null, await now()))!.people.map((c) => [c.user.login, c.status]);
    expect(await volunteers()).toEqual([]);

    const offer = await volunteerForItem(await loadActor(first.id), { itemId: item.id, message: "" });
    expect(await volunteers()).toEqual([[first.login, "requested"]]);

    const declined = await volunteerForItem(await loadActor(second.id), { itemId: item.id, message: "" });
    await decideClaim(leadActor, { claimId: declined.id, decision: "decline" });
    await decideClaim(leadActor, { claimId: offer.id, decision: "accept" });
    expect(await volunteers()).toEqual([[first.login, "accepted"]]);
  });
});
