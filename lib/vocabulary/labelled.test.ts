import { describe, expect, it } from "vitest";
import { z } from "zod";
import { labelled } from "./labelled";

describe("a labelled set of keys", () => {
  const { keys, label } = labelled({ open: "Open for votes", approved: "Approved", on_leave: "On leave" });

  it("lists its keys in the order written and labels each", () => {
    expect(keys).toEqual(["open", "approved", "on_leave"]);
    expect(keys.map((k) => label[k])).toEqual(["Open for votes", "Approved", "On leave"]);
  });

  it("is a set zod accepts and refuses outside of", () => {
    const schema = z.enum(keys);
    expect(schema.parse("approved")).toBe("approved");
    expect(schema.safeParse("closed").success).toBe(false);
  });
});
