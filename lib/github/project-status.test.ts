import { describe, expect, it } from "vitest";
import { boardMove, parseProjectUrl, projectStatusOf, type ItemFacts, type ProjectStatus } from "./project-status";

type HeldClaim = ItemFacts["held"][number];

describe("an item's Status on the project board", () => {
  const accepted: HeldClaim = { status: "accepted", progressed: false };
  const progressed: HeldClaim = { status: "accepted", progressed: true };
  const doneAfterProgress: HeldClaim = { status: "done", progressed: true };
  const done: HeldClaim = { status: "done", progressed: false };
  it.each<[string, HeldClaim[], ProjectStatus]>([
    ["open", [], "Open"],
    ["filled", [accepted], "Claimed"],
    ["open", [accepted, progressed], "In progress"],
    // One of two holders done: still in progress; both done: Done, before the lead confirms.
    ["filled", [doneAfterProgress, accepted], "In progress"],
    ["filled", [done], "Done"],
    ["closed", [], "Done"],
  ])("follows the item and its held claims: %s, held %j, is %s", (status, held, expected) => {
    expect(projectStatusOf({ status, held })).toBe(expected);
  });

  it("a board change is followed only where the portal has the same move", () => {
    expect(boardMove("Claimed", "Done", false)).toBe("done");
    expect(boardMove("In progress", "Done", false)).toBe("done");
    expect(boardMove("Open", "Done", false)).toBe("illegal");
    expect(boardMove("Done", "Claimed", true)).toBe("reopen");
    expect(boardMove("Done", "Claimed", false)).toBe("illegal");
    expect(boardMove("Done", "Open", true)).toBe("illegal");
    expect(boardMove("Open", "In progress", false)).toBe("illegal");
    expect(boardMove("Claimed", "Claimed", false)).toBe("none");
  });

  it("reads an organisation's or a user's project address", () => {
    expect(parseProjectUrl("https://github.com/orgs/cncf/projects/12")).toEqual({ owner: "cncf", number: 12 });
    expect(parseProjectUrl("https://github.com/users/amy/projects/3/views/1")).toEqual({ owner: "amy", number: 3 });
    expect(parseProjectUrl("https://github.com/cncf/toc/projects/1")).toBeNull();
  });
});
