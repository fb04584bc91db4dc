import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction } from "./action";

// A signed-in caller without reading a session: the session is next-auth's, outside a unit test.
vi.mock("@/lib/auth/actor", () => ({
  getActor: async () => ({
    id: "caller",
    isAdmin: false,
    isTocMember: false,
    isCncfAmbassador: false,
    leadTagIds: [],
    chairTagIds: [],
  }),
}));

describe("defineAction", () => {
  it("hands revalidate the operation's result and the parsed input, after a success only", async () => {
    const revalidated: unknown[] = [];
    const action = defineAction(
      z.strictObject({ title: z.string().trim().min(1), places: z.coerce.number().int() }),
      async (input) => {
        if (input.title === "Refused") throw new AppError("CONFLICT", "Someone else took it.");
        return { id: "item-1", by: "caller" };
      },
      { revalidate: (data, input) => revalidated.push({ data, input }), successMessage: "Saved." },
    );
    const form = new FormData();
    form.set("title", "  Write the guide ");
    form.set("places", "2");
    expect(await action(form)).toEqual({ ok: true, data: { id: "item-1", by: "caller" }, message: "Saved." });
    // The input as the schema parsed it (trimmed, a number), not the raw FormData.
    expect(revalidated).toEqual([
      { data: { id: "item-1", by: "caller" }, input: { title: "Write the guide", places: 2 } },
    ]);

    expect(await action({ title: "Refused", places: 1 })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await action({ title: "", places: 1 })).toMatchObject({ ok: false, code: "INVALID" });
    expect(revalidated).toHaveLength(1);
  });
});
