import { describe, expect, it } from "vitest";
import { boardMove, parseProjectUrl, projectStatusOf } from "./project-status";

describe("an item's Status on the project board", () => {
  it("follows the item and its held claims", () => {
    expect(projectStatusOf({ status: "open", held: [] })).toBe("Open");
    expect(projectStatusOf({ status: "filled", held: [{ status: "accepted", progressed: false }] })).toBe("Claimed");
    expect(
      projectStatusOf({
        status: "open",
        held: [
          { status: "accepted", progressed: false },
          { status: "accepted", progressed: true },
        ],
      }),
    ).toBe("In progress");
    // One of two holders done: still in progress; both done: Done, before the lead confirms.
    expect(
      projectStatusOf({
        status: "filled",
        held: [
          { status: "done", progressed: true },
          { status: "accepted", progressed: false },
        ],
      }),
    ).toBe("In progress");
    expect(projectStatusOf({ status: "filled", held: [{ status: "done", progressed: false }] })).toBe("Done");
    expect(projectStatusOf({ status: "closed", held: [] })).toBe("Done");
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
