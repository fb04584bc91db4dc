import { describe, expect, it } from "vitest";
import { actorOf } from "@/tests/actors";
import { can, canInAnyTag, tagScope, tagsWhere, type Actor } from "./permissions";

const person = (over: Partial<Actor> = {}) => actorOf("u1", over);
const lead = person({ leadTagIds: ["tagA", "tagB"] });
const chair = person({ leadTagIds: ["tagA", "tagB"], chairTagIds: ["tagA"] });
const toc = person({ isTocMember: true });
const admin = person({ isAdmin: true });

describe("the permission table's TAG questions", () => {
  it("may do X in any TAG: leads where they lead, global roles everywhere, nobody else", () => {
    expect(canInAnyTag(lead, "help-wanted.create")).toBe(true);
    expect(canInAnyTag(person(), "help-wanted.create")).toBe(false);
    expect(canInAnyTag(null, "help-wanted.volunteer")).toBe(false);
    expect(canInAnyTag(person(), "help-wanted.volunteer")).toBe(true);
    expect(canInAnyTag(toc, "dashboard.view")).toBe(true);
    expect(canInAnyTag(toc, "help-wanted.create")).toBe(false);
    expect(canInAnyTag(admin, "github.sync")).toBe(true);
  });

  it("a query's TAG scope: every TAG for roles that hold the action everywhere, else the TAGs led", () => {
    expect(tagScope(admin, "roster.manage")).toEqual({});
    expect(tagScope(toc, "audit.view")).toEqual({});
    expect(tagScope(lead, "audit.view")).toEqual({ tagId: { in: ["tagA", "tagB"] } });
    expect(tagScope(lead, "github.sync", "id")).toEqual({ id: { in: ["tagA", "tagB"] } });
    // Nothing in scope matches nothing (an empty list), never everything.
    expect(tagScope(person(), "audit.view")).toEqual({ tagId: { in: [] } });
    expect(tagScope(null, "dashboard.view")).toEqual({ tagId: { in: [] } });
    // A lead does not lead a global action anywhere.
    expect(tagsWhere(lead, "election.approve")).toEqual([]);
    // The TAG's settings are its chairs' (and admins'): a tech lead has none in scope.
    expect(tagsWhere(chair, "tag.settings")).toEqual(["tagA"]);
    expect(tagsWhere(lead, "tag.settings")).toEqual([]);
  });

  it("agrees with `can` for every action and TAG", () => {
    const actions = [
      "help-wanted.create",
      "dashboard.view",
      "audit.view",
      "election.approve",
      "tag.manage",
      "tag.settings",
    ] as const;
    for (const actor of [null, person(), lead, chair, toc, admin])
      for (const action of actions)
        for (const tagId of ["tagA", "tagC"]) {
          const scope = tagsWhere(actor, action);
          expect(scope === "all" || scope.includes(tagId)).toBe(can(actor, action, tagId));
        }
  });
});
