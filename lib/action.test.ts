import { describe, expect, it } from "vitest";
import { z } from "zod";
import { actionFor } from "@/lib/action";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { cacheStamp } from "@/lib/cache/stamps";

const actor: Actor = {
  id: "00000000-0000-4000-8000-000000000001",
  isAdmin: false,
  isTocMember: false,
  isCncfAmbassador: true,
  leadTagIds: [],
  chairTagIds: [],
};

const Schema = z.strictObject({ title: z.string().trim().min(1, "Give it a title."), places: z.coerce.number() });

/** An action whose operation returns what it was given, and records every refresh it asks for. */
function recording(run: (input: z.infer<typeof Schema>) => Promise<{ id: string }>) {
  const refreshed: { data: unknown; input: unknown }[] = [];
  const action = actionFor(Schema, run, {
    successMessage: (data) => `Saved ${data.id}.`,
    revalidate: (data, input) => refreshed.push({ data, input }),
  });
  return { action, refreshed };
}

describe("the action wrapper", () => {
  it("refreshes pages with the operation's result and the parsed input, after a success", async () => {
    const { action, refreshed } = recording(async (input) => ({ id: `item-${input.places}` }));
    const form = new FormData();
    form.set("title", "  Review the chart  ");
    form.set("places", "2");
    form.set("$ACTION_ID_abc", "");

    const result = await action(form, actor);

    expect(result).toEqual({ ok: true, data: { id: "item-2" }, message: "Saved item-2." });
    // The parsed input: trimmed and coerced, without Next's own fields.
    expect(refreshed).toEqual([{ data: { id: "item-2" }, input: { title: "Review the chart", places: 2 } }]);
  });

  it("refreshes nothing when the input is refused, and says which field is wrong", async () => {
    const { action, refreshed } = recording(async () => ({ id: "never" }));
    const result = await action({ title: " ", places: 1 }, actor);
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { title: ["Give it a title."] } });
    expect(refreshed).toEqual([]);
  });

  it("refuses a field the form does not have (no mass assignment)", async () => {
    const { action, refreshed } = recording(async () => ({ id: "never" }));
    const result = await action({ title: "x", places: 1, isAdmin: true }, actor);
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect(refreshed).toEqual([]);
  });

  it("turns an expected failure into a result and refreshes nothing", async () => {
    const { action, refreshed } = recording(async () => {
      throw new AppError("FORBIDDEN", "You do not have permission to do that.");
    });
    const result = await action({ title: "x", places: 1 }, actor);
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", message: "You do not have permission to do that." });
    expect(refreshed).toEqual([]);
  });

  it("says a concurrent change happened when the database refuses a duplicate", async () => {
    const { action } = recording(async () => {
      throw Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    });
    expect(await action({ title: "x", places: 1 }, actor)).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("lets an unexpected error through to the error page", async () => {
    const { action } = recording(async () => {
      throw new Error("disk on fire");
    });
    await expect(action({ title: "x", places: 1 }, actor)).rejects.toThrow("disk on fire");
  });

  it("forgets this process's kept governance rows after a success, before the page renders again, and only then", async () => {
    const { action } = recording(async () => ({ id: "seat" }));
    const failing = recording(async () => {
      throw new AppError("FORBIDDEN", "No.");
    }).action;
    const before = cacheStamp("governance");
    await failing({ title: "x", places: 1 }, actor);
    await action({ title: " ", places: 1 }, actor);
    expect(cacheStamp("governance")).toBe(before);
    await action({ title: "x", places: 1 }, actor);
    expect(cacheStamp("governance")).not.toBe(before);
  });
});
