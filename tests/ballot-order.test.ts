import { describe, expect, it } from "vitest";
import { levelsOf, move } from "@/components/elections/ballot-order";

const ids = ["a", "b", "c", "d"];

describe("reordering a ranked ballot by keyboard", () => {
  it("lists ranked candidates by rank, ties together, unranked left out", () => {
    expect(levelsOf(ids, { a: "3", b: "", c: "1", d: "3" })).toEqual([["c"], ["a", "d"]]);
  });

  it("moving up or down swaps with the neighbour and renumbers without gaps", () => {
    const ranks = { a: "1", b: "4", c: "2", d: "" };
    expect(move(ids, ranks, "b", "up")).toEqual({ a: "1", b: "2", c: "3", d: "" });
    expect(move(ids, ranks, "a", "down")).toEqual({ a: "2", b: "3", c: "1", d: "" });
  });

  it("a tied candidate moves out of the tie to a rank of its own", () => {
    const ranks = { a: "1", b: "2", c: "2", d: "3" };
    expect(move(ids, ranks, "c", "up")).toEqual({ a: "1", b: "3", c: "2", d: "4" });
    expect(move(ids, ranks, "b", "down")).toEqual({ a: "1", b: "3", c: "2", d: "4" });
  });

  it("the first cannot move up, the last cannot move down, an unranked candidate does not move", () => {
    const ranks = { a: "1", b: "2", c: "", d: "" };
    expect(move(ids, ranks, "a", "up")).toEqual(ranks);
    expect(move(ids, ranks, "b", "down")).toEqual(ranks);
    expect(move(ids, ranks, "c", "up")).toEqual(ranks);
  });
});
