import { beforeAll, describe, expect, it } from "vitest";
import { createHash, randomUUID } from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { resetEnvForTests } from "@/lib/env";
import { PEER_HEADER, peerHeaderFor } from "@/lib/http/peer-address";
import { createTag, createUser } from "@/tests/factories";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Handler> = {};
let validatorFor: (template: string, status: number, type: string) => (data: unknown) => boolean;
let ajvErrors: () => unknown;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "1000";
  resetEnvForTests();
  const load = async (template: string, mod: Promise<{ GET: unknown }>) =>
    (routes[template] = (await mod).GET as Handler);
  await Promise.all([
    load("/tags", import("@/app/api/v1/tags/route")),
    load("/tags/{slug}", import("@/app/api/v1/tags/[slug]/route")),
    load("/help-wanted", import("@/app/api/v1/help-wanted/route")),
    load("/elections", import("@/app/api/v1/elections/route")),
    load("/elections/{id}/results", import("@/app/api/v1/elections/[id]/results/route")),
    load("/elections/{id}/ballots.blt", import("@/app/api/v1/elections/[id]/ballots.blt/route")),
    load("/openapi.json", import("@/app/api/v1/openapi.json/route")),
  ]);
  // The document the API serves is what responses are checked against (not the zod schemas).
  const doc = (await (await call("/openapi.json")).json()) as { paths: Record<string, unknown> };
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...doc, $id: "https://tag-portal.test/openapi.json" });
  const pointer = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");
  validatorFor = (template, status, type) => {
    const v = ajv.compile({
      $ref: `https://tag-portal.test/openapi.json#/paths/${pointer(template)}/get/responses/${status}/content/${pointer(type)}/schema`,
    });
    ajvErrors = () => v.errors;
    return v;
  };
});

let client = 0;
/** Each test is its own client (its own rate-limit bucket) unless it says otherwise. */
const clientIp = () => `10.9.${Math.floor(client / 250)}.${client++ % 250}`;

async function call(
  template: string,
  o: { params?: Record<string, string>; query?: string; headers?: Record<string, string>; ip?: string } = {},
) {
  let p = template;
  for (const [k, v] of Object.entries(o.params ?? {})) p = p.replace(`{${k}}`, encodeURIComponent(v));
  const req = new Request(`http://localhost/api/v1${p}${o.query ? `?${o.query}` : ""}`, {
    headers: { [PEER_HEADER]: peerHeaderFor(o.ip ?? clientIp()), ...o.headers },
  });
  return routes[template]!(req, { params: Promise.resolve(o.params ?? {}) });
}

/** Asserts the response body matches the OpenAPI document's schema for its path, status and type; returns the body. */
async function documented(template: string, res: Response): Promise<unknown> {
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!;
  const body = type === "application/json" ? await res.json() : await res.text();
  const valid = validatorFor(template, res.status, type)(body);
  expect(valid, JSON.stringify(ajvErrors())).toBe(true);
  return body;
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("/api/v1/tags", () => {
  it("pages through every TAG by slug with a cursor; each page matches the document", async () => {
    for (let i = 0; i < 3; i++) await createTag();
    const expected = (await db.tag.findMany({ orderBy: { slug: "asc" }, select: { slug: true } })).map((t) => t.slug);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call("/tags", { query: `limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      const body = (await documented("/tags", res)) as { data: { slug: string }[]; nextCursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((t) => t.slug));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it("answers 400 with the one error shape for a bad limit or a forged cursor", async () => {
    const bad = await call("/tags", { query: "limit=500" });
    expect(bad.status).toBe(400);
    expect(await documented("/tags", bad)).toMatchObject({
      error: { code: "INVALID", fieldErrors: { limit: ["limit is at most 100"] } },
    });
    const forged = await call("/tags", { query: "cursor=bm90LWpzb24" });
    expect(forged.status).toBe(400);
    expect(await documented("/tags", forged)).toMatchObject({
      error: { code: "INVALID", fieldErrors: { cursor: expect.any(Array) } },
    });
  });

  it("answers 304 for a matching ETag (strong, weak or in a list), 200 with a new ETag after a change", async () => {
    const tag = await createTag();
    const first = await call("/tags/{slug}", { params: { slug: tag.slug } });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await call("/tags/{slug}", { params: { slug: tag.slug }, headers: { "if-none-match": header } });
      expect(again.status).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(await again.text()).toBe("");
    }
    expect(
      (await call("/tags/{slug}", { params: { slug: tag.slug }, headers: { "if-none-match": '"stale"' } })).status,
    ).toBe(200);
    await db.tag.update({ where: { id: tag.id }, data: { mission: "Changed" } });
    const changed = await call("/tags/{slug}", { params: { slug: tag.slug }, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("/api/v1/tags/{slug}", () => {
  it("has the TAG's roles with holders and its roster; 404 for an unknown slug", async () => {
    const tag = await createTag();
    const at = await now();
    const roleKey = randomUUID();
    const def = await db.roleDefinition.create({
      data: {
        tagId: tag.id,
        roleKey,
        version: 1,
        name: "Liaison",
        kind: "tag_ambassador",
        ambassadorKind: "project_liaison",
        totalSeats: 2,
        maxPerRegion: { EMEA: 1 },
        maxPerEmployer: 1,
        createdAt: at,
      },
    });
    const [u, chair] = [await createUser(), await createUser({ region: "APAC" })];
    await db.roleAssignment.create({
      data: {
        tagId: tag.id,
        userId: u.id,
        kind: "tag_ambassador",
        status: "active",
        requestedAt: at,
        startAt: at,
        roleDefinitionId: def.id,
      },
    });
    // Every TAG has its Chair role from creation: the pending chair seat belongs to it.
    const chairRole = await db.roleDefinition.findFirstOrThrow({ where: { tagId: tag.id, kind: "chair" } });
    await db.roleAssignment.create({
      data: {
        tagId: tag.id,
        userId: chair.id,
        kind: "chair",
        status: "pending",
        requestedAt: at,
        roleDefinitionId: chairRole.id,
      },
    });
    const res = await call("/tags/{slug}", { params: { slug: tag.slug } });
    expect(res.status).toBe(200);
    const body = (await documented("/tags/{slug}", res)) as {
      roles: unknown[];
      roster: { login: string; status: string; kind: string }[];
    };
    // The Chair and Tech Lead roles every TAG has, and the one defined here; a pending seat is
    // never held: it shows as pending and is not subtracted from the vacancies.
    expect(body.roles).toHaveLength(3);
    expect(body.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: roleKey,
          kind: "tag-ambassador",
          ambassadorKind: "project-liaison",
          totalSeats: 2,
          holders: 1,
          pending: 0,
          vacancies: 1,
          maxPerRegion: { EMEA: 1 },
          maxPerEmployer: 1,
        }),
        expect.objectContaining({ key: chairRole.roleKey, kind: "chair", holders: 0, pending: 1 }),
      ]),
    );
    expect(body.roster).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ login: u.login, status: "active", kind: "tag-ambassador", roleKey }),
        expect.objectContaining({
          login: chair.login,
          status: "pending",
          kind: "chair",
          region: "APAC",
          roleKey: chairRole.roleKey,
        }),
      ]),
    );
    const missing = await call("/tags/{slug}", { params: { slug: "no-such-tag" } });
    expect(missing.status).toBe(404);
    expect(await documented("/tags/{slug}", missing)).toEqual({
      error: { code: "NOT_FOUND", message: "No TAG has that slug." },
    });
  });
});

describe("/api/v1/help-wanted", () => {
  it("takes the board's filters, pages with the board's cursor, and rejects bad parameters by name", async () => {
    const tag = await createTag();
    const at = await now();
    for (let i = 0; i < 5; i++) {
      const t = new Date(at.getTime() - i * 60_000);
      await db.helpWantedItem.create({
        data: {
          title: `API item ${i}`,
          body: "**Bold** text",
          kind: "content",
          status: "open",
          skills: ["Go"],
          createdAt: t,
          updatedAt: t,
          tags: { create: { tagId: tag.id } },
        },
      });
    }
    await db.helpWantedItem.create({
      data: {
        title: "Draft",
        kind: "content",
        status: "draft",
        createdAt: at,
        updatedAt: at,
        tags: { create: { tagId: tag.id } },
      },
    });
    const titles: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call("/help-wanted", {
        query: `tag=${tag.slug}&kind=content&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(res.status).toBe(200);
      const body = (await documented("/help-wanted", res)) as {
        data: { title: string; excerpt: string; tags: { slug: string }[] }[];
        nextCursor: string | null;
      };
      titles.push(...body.data.map((i) => i.title));
      if (body.data[0]) expect(body.data[0].excerpt).toBe("Bold text");
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(titles).toEqual(["API item 0", "API item 1", "API item 2", "API item 3", "API item 4"]);

    const bad = await call("/help-wanted", { query: "kind=nonsense&limit=0&effortMin=5&effortMax=2" });
    expect(bad.status).toBe(400);
    const err = (await documented("/help-wanted", bad)) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(err.error.fieldErrors).sort()).toEqual(["effortMax", "kind", "limit"]);
    const wrongSort = await call("/help-wanted", {
      query: `sort=due&cursor=${encodeURIComponent("eyJzIjoibmV3ZXN0In0")}`,
    });
    expect(wrongSort.status).toBe(400);
  });
});

async function election(tagId: string, phase: "draft" | "voting" | "published", createdAt: Date) {
  return db.election.create({
    data: {
      tagId,
      roleKey: randomUUID(),
      title: `Election ${phase}`,
      phase,
      cycleDate: createdAt,
      seatsByRegion: { APAC: 1, EMEA: 1 },
      nominationsOpenAt: createdAt,
      nominationsCloseAt: createdAt,
      votingOpenAt: createdAt,
      votingCloseAt: createdAt,
      publishedAt: phase === "published" ? createdAt : null,
      createdAt,
      updatedAt: createdAt,
    },
  });
}

describe("/api/v1/elections", () => {
  it("lists elections past their draft, newest first, by page; results and ballots only once published", async () => {
    const tag = await createTag();
    const at = await now();
    const draft = await election(tag.id, "draft", new Date(at.getTime() - 1000));
    const voting = await election(tag.id, "voting", new Date(at.getTime() - 2000));
    const published = await election(tag.id, "published", new Date(at.getTime() - 3000));
    const withoutBallots = await election(tag.id, "published", new Date(at.getTime() - 4000));
    const files = {
      "result.json": JSON.stringify({ winners: ["a"] }),
      "rules.json": JSON.stringify({ method: "schulze" }),
      "matrix.json": "[[0,1],[0,0]]",
      "ballots.blt": '2 1\n1 1 2 0\n0\n"A"\n"B"\n"Election"\n',
    };
    for (const [name, content] of Object.entries(files))
      await db.electionArtifact.create({ data: { electionId: published.id, name, content, sha256: sha(content) } });
    await db.electionArtifact.create({
      data: { electionId: voting.id, name: "ballots.blt", content: "secret", sha256: sha("secret") },
    });
    await db.electionArtifact.create({
      data: { electionId: withoutBallots.id, name: "result.json", content: "{}", sha256: sha("{}") },
    });

    // A rehearsal says so in the listing (issue 20 point 4).
    await db.election.update({ where: { id: voting.id }, data: { isTest: true } });

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call("/elections", { query: `tag=${tag.slug}&limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      const body = (await documented("/elections", res)) as {
        data: { id: string; resultsUrl: string | null; ballotsUrl: string | null; isTest: boolean }[];
        nextCursor: string | null;
      };
      for (const e of body.data) {
        ids.push(e.id);
        expect(Boolean(e.resultsUrl)).toBe(e.id === published.id || e.id === withoutBallots.id);
        expect(Boolean(e.ballotsUrl)).toBe(e.id === published.id);
        expect(e.isTest).toBe(e.id === voting.id);
      }
      cursor = body.nextCursor;
    } while (cursor);
    expect(ids).toEqual([voting.id, published.id, withoutBallots.id]);
    expect(ids).not.toContain(draft.id);

    const results = await call("/elections/{id}/results", { params: { id: published.id } });
    expect(results.status).toBe(200);
    const r = (await documented("/elections/{id}/results", results)) as {
      result: unknown;
      matrix: unknown;
      files: { name: string; sha256: string }[];
    };
    expect(r.result).toEqual({ winners: ["a"] });
    expect(r.matrix).toEqual([
      [0, 1],
      [0, 0],
    ]);
    expect(r.files.find((f) => f.name === "ballots.blt")?.sha256).toBe(sha(files["ballots.blt"]));

    const blt = await call("/elections/{id}/ballots.blt", { params: { id: published.id } });
    expect(blt.status).toBe(200);
    expect(await documented("/elections/{id}/ballots.blt", blt)).toBe(files["ballots.blt"]);

    // Nothing before publication, whatever exists in the table; nothing that was never published.
    for (const [template, id] of [
      ["/elections/{id}/results", voting.id],
      ["/elections/{id}/ballots.blt", voting.id],
      ["/elections/{id}/results", draft.id],
      ["/elections/{id}/ballots.blt", withoutBallots.id],
      ["/elections/{id}/results", "not-a-uuid"],
    ] as const) {
      const res = await call(template, { params: { id } });
      expect(res.status, `${template} ${id}`).toBe(404);
      expect(await documented(template, res)).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
  });
});

describe("rate limit and the document", () => {
  it("answers 429 with Retry-After past the limit, for that client only", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    resetEnvForTests();
    try {
      const ip = clientIp();
      for (let i = 0; i < 3; i++) expect((await call("/tags", { ip })).status).toBe(200);
      const limited = await call("/tags", { ip });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await documented("/tags", limited)).toMatchObject({ error: { code: "RATE_LIMITED" } });
      expect((await call("/tags", { ip: clientIp() })).status).toBe(200);
    } finally {
      process.env.API_RATE_LIMIT_PER_MINUTE = "1000";
      resetEnvForTests();
    }
  });

  it("serves an OpenAPI 3.1 document whose paths are the routes tested here", async () => {
    const res = await call("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(routes).sort());
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Error", "TagPage", "TagDetail", "HelpWantedPage", "ElectionPage", "ElectionResults"]),
    );
    // The check above is not vacuous: bodies that differ from the document fail it.
    const tagPage = validatorFor("/tags", 200, "application/json");
    expect(tagPage({ data: [], nextCursor: null })).toBe(true);
    expect(tagPage({ data: [{ slug: "x" }], nextCursor: null })).toBe(false);
    expect(tagPage({ data: [], nextCursor: null, extra: 1 })).toBe(false);
    expect(validatorFor("/help-wanted", 200, "application/json")({ data: [{ id: "x" }], nextCursor: null })).toBe(
      false,
    );
  });
});

describe("an unknown /api/v1 path", () => {
  it("answers the API's JSON 404 for every method, not the HTML not-found page", async () => {
    const mod = await import("@/app/api/v1/[...path]/route");
    for (const [method, handler] of [
      ["GET", mod.GET],
      ["POST", mod.POST],
      ["DELETE", mod.DELETE],
    ] as const) {
      const req = new Request("http://localhost/api/v1/tagz/security", {
        method,
        headers: { [PEER_HEADER]: peerHeaderFor(clientIp()) },
      });
      const res = await handler(req, { params: Promise.resolve({ path: ["tagz", "security"] }) });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("NOT_FOUND");
      expect(body.error.message).toContain("/api/v1/tagz/security");
      expect(validatorFor("/tags/{slug}", 404, "application/json")(body)).toBe(true);
    }
  });
});
