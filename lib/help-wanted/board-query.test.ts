import { describe, expect, it } from "vitest";
import {
  BOARD_DEFAULT_LIMIT,
  BOARD_MAX_LIMIT,
  DEFAULT_BOARD_QUERY,
  boardFeedUrl,
  boardUrl,
  decodeCursor,
  encodeCursor,
  hasFilters,
  NO_FILTERS,
  parseBoardQuery,
  resolveSort,
  type BoardCursor,
} from "./board-query";

const ID = "0b7f1c3e-2d4a-4c5b-9e6f-7a8b9c0d1e2f";

describe("parseBoardQuery", () => {
  it("defaults to open items, newest first, 20 a page", () => {
    const { query, errors } = parseBoardQuery(new URLSearchParams());
    expect(errors).toBeNull();
    expect(query).toEqual({
      q: "",
      tag: [],
      kind: undefined,
      skill: [],
      region: undefined,
      effortMin: undefined,
      effortMax: undefined,
      status: "open",
      sort: undefined,
      cursor: undefined,
      limit: BOARD_DEFAULT_LIMIT,
    });
    expect(query).toEqual(DEFAULT_BOARD_QUERY);
    expect(resolveSort(query)).toBe("newest");
    expect(hasFilters(query)).toBe(false);
  });

  it("reads every parameter, repeatable tag and skill included", () => {
    const params = new URLSearchParams(
      "q=+threat+model+&tag=security-and-compliance&tag=Infrastructure&kind=project-liaison&skill=kubernetes&skill=Go,%20rust&region=EMEA&effortMin=2&effortMax=10&status=all&sort=due&limit=50",
    );
    const { query, errors } = parseBoardQuery(params);
    expect(errors).toBeNull();
    expect(query).toMatchObject({
      q: "threat model",
      tag: ["security-and-compliance", "infrastructure"],
      kind: "project-liaison",
      // Curated skills keep their curated spelling (lib/vocabulary/skills.ts); duplicates go.
      skill: ["Kubernetes", "Go", "Rust"],
      region: "EMEA",
      effortMin: 2,
      effortMax: 10,
      status: "all",
      sort: "due",
      limit: 50,
    });
    expect(hasFilters(query)).toBe(true);
  });

  it("clearing the filters drops every one of them and keeps the view (status, sort)", () => {
    const { query } = parseBoardQuery(
      new URLSearchParams(
        "q=docs&tag=security-and-compliance&kind=review&skill=Go&region=EMEA&effortMin=2&effortMax=10&status=all&sort=due",
      ),
    );
    const cleared = parseBoardQuery(new URL(boardUrl(query, NO_FILTERS), "http://portal").searchParams).query;
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared).toEqual({ ...DEFAULT_BOARD_QUERY, status: "all", sort: "due" });
  });

  it("takes control characters out, so a NUL never reaches the database (the fuzz found a 500)", () => {
    const { query } = parseBoardQuery(new URLSearchParams("skill=%00&skill=go%00lang&q=-1%00x&tag=a%00"));
    expect(query.skill).toEqual(["go lang"]);
    expect(query.q).toBe("-1 x");
    expect(JSON.stringify(query)).not.toContain("\\u0000");
  });

  it("accepts Next.js searchParams records", () => {
    const { query } = parseBoardQuery({ tag: ["a", "b"], skill: "Go", q: ["first", "second"], kind: undefined });
    expect(query).toMatchObject({ tag: ["a", "b"], skill: ["Go"], q: "first" });
    expect(query.kind).toBeUndefined();
  });

  it("falls back to defaults for bad values, and names them", () => {
    const { query, errors } = parseBoardQuery(
      new URLSearchParams(
        "kind=wizard&region=Mars&status=draft&sort=random&limit=0&effortMin=-3&effortMax=lots&tag=Not%20A%20Slug&tag=ok&cursor=%24%24%24",
      ),
    );
    expect(query).toMatchObject({
      kind: undefined,
      region: undefined,
      status: "open",
      sort: undefined,
      limit: BOARD_DEFAULT_LIMIT,
      effortMin: undefined,
      effortMax: undefined,
      tag: ["ok"],
      cursor: undefined,
    });
    expect(Object.keys(errors ?? {}).sort()).toEqual([
      "cursor",
      "effortMax",
      "effortMin",
      "kind",
      "limit",
      "region",
      "sort",
      "status",
      "tag",
    ]);
  });

  it("clamps an over-large limit and caps lists", () => {
    const tags = Array.from({ length: 15 }, (_, n) => `tag-${n}`);
    const { query, errors } = parseBoardQuery({ limit: "1000", tag: tags, q: "x".repeat(500) });
    expect(query.limit).toBe(BOARD_MAX_LIMIT);
    expect(query.tag).toHaveLength(10);
    expect(query.q).toHaveLength(200);
    expect(Object.keys(errors ?? {}).sort()).toEqual(["limit", "q", "tag"]);
  });

  it("reports effortMin above effortMax", () => {
    expect(parseBoardQuery({ effortMin: "9", effortMax: "3" }).errors).toEqual({
      effortMax: ["effortMax is at least effortMin"],
    });
  });

  it("accepts Prisma's kind spelling too", () => {
    expect(parseBoardQuery({ kind: "foundation_liaison" }).query.kind).toBe("foundation-liaison");
  });

  it("ranks by relevance for a search without a chosen sort; match falls back to newest", () => {
    expect(resolveSort({ q: "docs", sort: undefined })).toBe("relevance");
    expect(resolveSort({ q: "docs", sort: "fewest" })).toBe("fewest");
    expect(resolveSort({ q: "", sort: "match" })).toBe("newest");
  });
});

describe("boardUrl", () => {
  it("leaves defaults out", () => {
    expect(boardUrl(DEFAULT_BOARD_QUERY)).toBe("/help-wanted");
  });

  it("round-trips every parameter", () => {
    const url = boardUrl(DEFAULT_BOARD_QUERY, {
      q: "docs & talks",
      tag: ["infrastructure", "security-and-compliance"],
      kind: "event",
      skill: ["Public speaking", "Go"],
      region: "APAC",
      effortMin: 0,
      effortMax: 8,
      status: "closed",
      sort: "fewest",
      cursor: encodeCursor({ sort: "fewest", left: 2, id: ID }),
      limit: 10,
    });
    const parsed = parseBoardQuery(new URL(url, "http://x").searchParams);
    expect(parsed.errors).toBeNull();
    expect(boardUrl(parsed.query, { cursor: parsed.query.cursor })).toBe(url);
    expect(url.match(/tag=/g)).toHaveLength(2);
    expect(url.match(/skill=/g)).toHaveLength(2);
  });

  it("drops the cursor when a filter changes, keeps it when asked", () => {
    const query = { ...DEFAULT_BOARD_QUERY, q: "docs", cursor: "abc" };
    expect(boardUrl(query)).toBe("/help-wanted?q=docs");
    expect(boardUrl(query, { kind: "review" })).toBe("/help-wanted?q=docs&kind=review");
    expect(boardUrl(query, { cursor: "def" })).toBe("/help-wanted?q=docs&cursor=def");
  });

  it("gives the feed the same filters without paging", () => {
    const query = { ...DEFAULT_BOARD_QUERY, tag: ["infrastructure"], cursor: "abc", limit: 50 };
    expect(boardFeedUrl(query)).toBe("/help-wanted/feed.xml?tag=infrastructure");
  });
});

describe("cursors", () => {
  const cases: BoardCursor[] = [
    { sort: "relevance", rank: 0.0607927, id: ID },
    { sort: "newest", createdAt: "2027-01-02T03:04:05.678Z", id: ID },
    { sort: "due", dueAt: null, id: ID },
    { sort: "due", dueAt: "2027-01-02T00:00:00.000Z", id: ID },
    { sort: "fewest", left: 0, id: ID },
  ];

  it.each(cases)("round-trips $sort", (c) => {
    const encoded = encodeCursor(c);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded, c.sort)).toEqual(c);
    expect(parseBoardQuery({ cursor: encoded }).errors).toBeNull();
  });

  it("refuses a cursor of another sort, or a damaged one", () => {
    const newest = encodeCursor({ sort: "newest", createdAt: "2027-01-02T03:04:05.678Z", id: ID });
    expect(decodeCursor(newest, "due")).toBeNull();
    expect(decodeCursor(newest.slice(0, -3), "newest")).toBeNull();
    expect(decodeCursor("bm90LWpzb24", "newest")).toBeNull();
    expect(decodeCursor(btoa(JSON.stringify({ s: "newest", k: "yesterday", i: ID })), "newest")).toBeNull();
    expect(decodeCursor(btoa(JSON.stringify({ s: "fewest", k: 1, i: "1; DROP TABLE" })), "fewest")).toBeNull();
    expect(decodeCursor(undefined, "newest")).toBeNull();
  });
});
