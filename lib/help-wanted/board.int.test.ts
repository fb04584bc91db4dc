import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createTag } from "@/tests/factories";
import { parseBoardQuery, type BoardQuery } from "./board-query";
import { plainExcerpt, RANKED_POOL, searchBoard, websearchText } from "./board";
import { DAY } from "@/lib/vocabulary";

const NOW = new Date("2027-03-01T12:00:00Z");
const day = (n: number) => new Date(NOW.getTime() + n * DAY);

type ItemOver = Partial<{
  title: string;
  body: string;
  kind: "project_liaison" | "foundation_liaison" | "event" | "content" | "review" | "other";
  status: "draft" | "open" | "filled" | "closed";
  skills: string[];
  effortHours: number | null;
  region: "APAC" | "EMEA" | "Americas" | null;
  dueAt: Date | null;
  places: number;
  placesTaken: number;
  createdAt: Date;
}>;

async function createItem(tagIds: string[], over: ItemOver = {}) {
  const createdAt = over.createdAt ?? day(-1);
  return db.helpWantedItem.create({
    data: {
      title: over.title ?? `Item ${randomUUID().slice(0, 8)}`,
      body: over.body ?? "",
      kind: over.kind ?? "content",
      status: over.status ?? "open",
      skills: over.skills ?? [],
      effortHours: over.effortHours === undefined ? 4 : over.effortHours,
      region: over.region === undefined ? null : over.region,
      dueAt: over.dueAt === undefined ? null : over.dueAt,
      places: over.places ?? 1,
      placesTaken: over.placesTaken ?? 0,
      createdAt,
      updatedAt: createdAt,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
    },
    select: { id: true, title: true },
  });
}

const q = (params: Record<string, string | string[]>): BoardQuery => parseBoardQuery(params).query;
const ids = async (params: Record<string, string | string[]>) =>
  (await searchBoard(q(params), NOW)).items.map((i) => i.id);

/** Every page of a query, following the cursors. */
async function allPages(params: Record<string, string | string[]>) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await searchBoard(q({ ...params, ...(cursor ? { cursor } : {}) }), NOW);
    pages.push(page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

describe("searchBoard", () => {
  it("returns card fields with TAGs and a plain-text excerpt", async () => {
    const [a, b] = [await createTag({ name: "Alpha TAG" }), await createTag({ name: "Beta TAG" })];
    const item = await createItem([b.id, a.id], {
      body: "## Help us\n\nWrite **docs** for [the guide](https://example.test).",
      skills: ["Go"],
      region: "EMEA",
      dueAt: day(-2),
      places: 3,
      placesTaken: 1,
      kind: "project_liaison",
    });
    const { items, nextCursor } = await searchBoard(q({ tag: a.slug }), NOW);
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: item.id,
      title: item.title,
      kind: "project-liaison",
      status: "open",
      skills: ["Go"],
      effortHours: 4,
      region: "EMEA",
      dueAt: day(-2),
      places: 3,
      placesTaken: 1,
      tags: [
        { slug: a.slug, name: "Alpha TAG" },
        { slug: b.slug, name: "Beta TAG" },
      ],
      excerpt: "Help us Write docs for the guide.",
      overdue: true,
    });
    expect(items[0]?.createdAt).toBeInstanceOf(Date);
  });

  it("ranks a title match above a body match", async () => {
    const word = `zebrafish${randomUUID().slice(0, 6).replace(/\d/g, "x")}`;
    const tag = await createTag();
    const inBody = await createItem([tag.id], {
      title: "Something else",
      body: `We need help with ${word} docs`,
      createdAt: day(-1),
    });
    const inTitle = await createItem([tag.id], {
      title: `Write the ${word} guide`,
      body: "Details follow",
      createdAt: day(-5),
    });
    await createItem([tag.id], { title: "Unrelated", body: "Nothing to see" });
    expect(await ids({ q: word })).toEqual([inTitle.id, inBody.id]);
    // An explicit sort still applies to the matches.
    expect(await ids({ q: word, sort: "newest" })).toEqual([inBody.id, inTitle.id]);
    // websearch syntax: quoted phrases and exclusions.
    expect(await ids({ q: `${word} -guide` })).toEqual([inBody.id]);
  });

  it("stems words (English configuration)", async () => {
    const tag = await createTag();
    const item = await createItem([tag.id], { title: "Organising meetups in Lisbon" });
    expect(await ids({ q: "organise meetup", tag: tag.slug })).toEqual([item.id]);
  });

  it("ranks the newest matches of a broad search, every page in rank order and each match once", async () => {
    // An old title match (the strongest rank) lies beyond the ranked pool of the newest matches.
    const old = await createItem([], { title: "Security review", createdAt: day(-900) });
    await db.helpWantedItem.createMany({
      data: Array.from({ length: RANKED_POOL }, (_, n) => ({
        title: `Item ${n}`,
        body: n % 2 ? "Security work for the TAG." : "Security, security: tests and security docs.",
        kind: "content" as const,
        createdAt: day(-1 - n / 1000),
        updatedAt: day(-1),
      })),
    });
    const pages = await allPages({ q: "security", limit: "100" });
    const listed = pages.flat();
    expect(pages).toHaveLength(RANKED_POOL / 100);
    expect(new Set(listed).size).toBe(RANKED_POOL);
    expect(listed).not.toContain(old.id);
    // Within the pool, relevance still decides: the items saying "security" three times come first.
    const first = await searchBoard(q({ q: "security", limit: "100" }), NOW);
    expect(first.items.every((i) => /^Item \d*[02468]$/.test(i.title))).toBe(true);
  });

  it("filters by TAG (any of several)", async () => {
    const [a, b, c] = [await createTag(), await createTag(), await createTag()];
    const inA = await createItem([a.id]);
    const inB = await createItem([b.id, c.id]);
    await createItem([c.id]);
    expect(await ids({ tag: a.slug })).toEqual([inA.id]);
    expect((await ids({ tag: [a.slug, b.slug] })).sort()).toEqual([inA.id, inB.id].sort());
    expect(await ids({ tag: "no-such-tag" })).toEqual([]);
  });

  it("filters by kind, skill, region and effort", async () => {
    const tag = await createTag();
    const event = await createItem([tag.id], {
      kind: "event",
      skills: ["Public speaking"],
      region: "APAC",
      effortHours: 2,
    });
    const liaison = await createItem([tag.id], {
      kind: "foundation_liaison",
      skills: ["Go", "Kubernetes"],
      region: "EMEA",
      effortHours: 20,
    });
    const anywhere = await createItem([tag.id], {
      kind: "review",
      skills: ["Security"],
      region: null,
      effortHours: null,
    });
    const sorted = async (p: Record<string, string | string[]>) => (await ids({ tag: tag.slug, ...p })).sort();

    expect(await sorted({ kind: "event" })).toEqual([event.id]);
    expect(await sorted({ kind: "foundation-liaison" })).toEqual([liaison.id]);
    // Skills: any of them, with curated spellings whatever the case typed.
    expect(await sorted({ skill: "kubernetes" })).toEqual([liaison.id]);
    expect(await sorted({ skill: ["public speaking", "security"] })).toEqual([event.id, anywhere.id].sort());
    expect(await sorted({ skill: "go, security" })).toEqual([liaison.id, anywhere.id].sort());
    // Region: items with that preference, plus items open to every region.
    expect(await sorted({ region: "APAC" })).toEqual([event.id, anywhere.id].sort());
    expect(await sorted({ effortMin: "5" })).toEqual([liaison.id]);
    expect(await sorted({ effortMax: "5" })).toEqual([event.id]);
    expect(await sorted({ effortMin: "2", effortMax: "20" })).toEqual([event.id, liaison.id].sort());
    // Filters combine.
    expect(await sorted({ kind: "event", region: "EMEA" })).toEqual([]);
  });

  it("lists open items by default, filled and closed on request, drafts never", async () => {
    const tag = await createTag();
    const open = await createItem([tag.id], { status: "open" });
    const filled = await createItem([tag.id], { status: "filled", placesTaken: 1 });
    const closed = await createItem([tag.id], { status: "closed" });
    await createItem([tag.id], { status: "draft", title: "Draft secret plan" });
    expect(await ids({ tag: tag.slug })).toEqual([open.id]);
    expect(await ids({ tag: tag.slug, status: "filled" })).toEqual([filled.id]);
    expect(await ids({ tag: tag.slug, status: "closed" })).toEqual([closed.id]);
    expect((await ids({ tag: tag.slug, status: "all" })).sort()).toEqual([open.id, filled.id, closed.id].sort());
    expect(await ids({ tag: tag.slug, status: "draft" })).toEqual([open.id]);
    expect(await ids({ q: "secret plan", status: "all" })).toEqual([]);
  });

  it("sorts newest, by due date (undated last) and by fewest places left", async () => {
    const tag = await createTag();
    const a = await createItem([tag.id], { createdAt: day(-3), dueAt: day(10), places: 5, placesTaken: 1 });
    const b = await createItem([tag.id], { createdAt: day(-1), dueAt: null, places: 2, placesTaken: 1 });
    const c = await createItem([tag.id], { createdAt: day(-2), dueAt: day(3), places: 3, placesTaken: 0 });
    expect(await ids({ tag: tag.slug })).toEqual([b.id, c.id, a.id]);
    expect(await ids({ tag: tag.slug, sort: "newest" })).toEqual([b.id, c.id, a.id]);
    expect(await ids({ tag: tag.slug, sort: "match" })).toEqual([b.id, c.id, a.id]);
    expect(await ids({ tag: tag.slug, sort: "due" })).toEqual([c.id, a.id, b.id]);
    expect(await ids({ tag: tag.slug, sort: "fewest" })).toEqual([b.id, c.id, a.id]);
  });

  it.each(["newest", "due", "fewest", "relevance"])("pages by cursor without duplicates or gaps (%s)", async (sort) => {
    const tag = await createTag();
    const word = `pagination${randomUUID().slice(0, 6).replace(/\d/g, "y")}`;
    const created: string[] = [];
    // Many ties in every sort key, so the id tie-break decides.
    for (let n = 0; n < 23; n++) {
      const item = await createItem([tag.id], {
        title: n % 3 === 0 ? `${word} in the title` : "Body only",
        body: `${word} ${n % 2 ? word : ""}`,
        createdAt: day(-(n % 4)),
        dueAt: n % 5 === 0 ? null : day(n % 3),
        places: 1 + (n % 3),
        placesTaken: n % 2 && n % 3 ? 1 : 0,
      });
      created.push(item.id);
    }
    const params: Record<string, string> =
      sort === "relevance" ? { q: word, tag: tag.slug, limit: "5" } : { tag: tag.slug, sort, limit: "5" };
    const pages = await allPages(params);
    const seen = pages.flat();
    expect(pages).toHaveLength(5);
    expect(pages.slice(0, 4).every((p) => p.length === 5)).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...created].sort());
    // The same order as one big page.
    expect(seen).toEqual(await ids({ ...params, limit: "100" }));
  });

  it("ignores a cursor from another sort or a damaged one (starts from the top)", async () => {
    const tag = await createTag();
    for (let n = 0; n < 3; n++) await createItem([tag.id], { createdAt: day(-n) });
    const first = await searchBoard(q({ tag: tag.slug, limit: "2" }), NOW);
    expect(first.nextCursor).not.toBeNull();
    const top = first.items.map((i) => i.id);
    expect(await ids({ tag: tag.slug, limit: "2", sort: "due", cursor: first.nextCursor! })).toHaveLength(2);
    expect(await ids({ tag: tag.slug, limit: "2", cursor: "bm90LWEtY3Vyc29y" })).toEqual(top);
  });
});

describe("plainExcerpt", () => {
  it("drops markdown and HTML and cuts at a word", () => {
    expect(plainExcerpt("# Title\n\n- one\n- two <b>bold</b> `code` snake_case")).toBe(
      "Title one two bold code snake_case",
    );
    const long = plainExcerpt("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith("word…")).toBe(true);
  });
});

describe("GET /help-wanted/feed.xml", () => {
  it("answers Atom for the board's query, newest first, entries linking to item pages", async () => {
    const { GET } = await import("@/app/help-wanted/feed.xml/route");
    const { env } = await import("@/lib/env");
    const tag = await createTag({ name: "Feed TAG" });
    const older = await createItem([tag.id], {
      title: "Older <feed> item",
      body: "**Bold** start",
      createdAt: day(-3),
    });
    const newer = await createItem([tag.id], { title: "Newer feed item", createdAt: day(-1) });
    await createItem([tag.id], { title: "Draft feed item", status: "draft" });
    const res = await GET(new Request(`http://localhost/help-wanted/feed.xml?tag=${tag.slug}&sort=due`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const base = env().NEXTAUTH_URL.replace(/\/+$/, "");
    const links = [...xml.matchAll(/<link href="([^"]+)"\/>\s*<updated>/g)].map((m) => m[1]);
    expect(links).toEqual([`${base}/help-wanted/${newer.id}`, `${base}/help-wanted/${older.id}`]);
    expect(xml).toContain("Older &lt;feed&gt; item");
    expect(xml).not.toContain("Draft feed item");
    expect(xml).toContain(`term="tag-${tag.slug}"`);
  });
});

describe("the search box's operators", () => {
  it("answers any mix of dashes, quotes, brackets and 'or' (more than 32 bare dashes once stopped PostgreSQL)", async () => {
    for (const q of ["-".repeat(36), "- ".repeat(40), "-(".repeat(40), "-&".repeat(40), "-|".repeat(40)])
      await expect(searchBoard(q_(q), NOW)).resolves.toBeDefined();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("-", " ", "(", ")", '"', "'", "&", "|", "!", ":", "*", "or", "a", "x-y"), {
          maxLength: 120,
        }),
        async (parts) => {
          await searchBoard(q_(parts.join("")), NOW);
        },
      ),
      { numRuns: 60, seed: 20261205 },
    );
  });

  it("still reads a dash before a word or a quoted phrase as 'not', and keeps hyphenated words whole", async () => {
    const tag = await createTag();
    const docs = await createItem([tag.id], { title: "Write the docs", body: "Plain docs work" });
    const k8s = await createItem([tag.id], { title: "Kubernetes docs", body: "cloud-native docs for Kubernetes" });
    const both = (q: string) => ids({ q, tag: tag.slug });
    expect(await both("docs -kubernetes")).toEqual([docs.id]);
    expect(await both('docs -"kubernetes docs"')).toEqual([docs.id]);
    expect(await both("cloud-native")).toEqual([k8s.id]);
    expect(await both("docs ---- - -")).toEqual(expect.arrayContaining([docs.id, k8s.id]));
    expect(websearchText("docs -kubernetes --go - -- x-y-")).toBe("docs -kubernetes  -go     x-y ");
  });
});

const q_ = (text: string) => q({ q: text });
