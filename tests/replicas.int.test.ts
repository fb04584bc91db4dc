/**
 * Two `next start` processes on one database, as replicas behind a load balancer
 * (docs/decisions/017-caches-across-replicas.md): a lead's change made through process A is
 * visible through process B within a second, to an anonymous visitor (B's page cache) and to a
 * signed-in one (B's board results cache). Needs a production build (`npm run build`); `npm test`
 * runs this file after its build step. Without a build it is skipped, saying so.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireBoardCache } from "@/lib/help-wanted/board-cache";
import { db } from "@/lib/db";
import { startProcess, waitForHttp, type Running } from "@/scripts/ops/processes";
import { postItem, tagWithLead } from "./fixtures";
import { createTag, createUser } from "./factories";

const root = path.resolve(import.meta.dirname, "..");
const built = fs.existsSync(path.join(root, ".next/BUILD_ID"));
const BASE_PORT = Number(process.env.REPLICA_TEST_PORT ?? 7250);
const ports = [BASE_PORT, BASE_PORT + 1] as const;
const url = (i: 0 | 1, p: string) => `http://127.0.0.1:${ports[i]}${p}`;

/** The server action's id in this build (what a browser sends as `Next-Action`). */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === name)?.[0];
  if (!id) throw new Error(`${name} of ${file} is not in the build's server-reference manifest`);
  return id;
}

async function session(userId: string): Promise<string> {
  const token = randomBytes(24).toString("hex");
  await db.session.create({ data: { sessionToken: token, userId, expires: new Date(Date.now() + 86_400_000) } });
  return `next-auth.session-token=${token}`;
}

const servers: Running[] = [];

describe.skipIf(!built)("two replicas on one database (needs `npm run build`)", () => {
  beforeAll(async () => {
    const env = (port: number): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.DATABASE_URL,
      AUTH_SECRET: "replica-test-auth-secret-0123456789abcdef",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      LOG_LEVEL: "warn",
    });
    for (const port of ports)
      servers.push(
        startProcess(
          `web-${port}`,
          [
            process.execPath,
            path.join(root, "node_modules/next/dist/bin/next"),
            "start",
            "-p",
            String(port),
            "-H",
            "127.0.0.1",
          ],
          { env: env(port), cwd: root },
        ),
      );
    await Promise.all(servers.map((s, i) => waitForHttp(url(i as 0 | 1, "/api/health/ready"), 120_000, 200, s)));
  }, 150_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop("SIGTERM", 10_000)));
  });

  it("a lead closes an item through A: B stops showing it within a second, anonymous and signed in", async () => {
    const { tag, lead } = await tagWithLead();
    const title = `Replica test ${randomBytes(6).toString("hex")}`;
    const item = await postItem(tag.slug, lead.id, { title });
    // The fixture writes the item directly; the portal's own create announces it. Each process has
    // rendered the board once already (its warm-up at start), so without the notice B's board
    // results would rightly stay as they were.
    await expireBoardCache();
    const visitor = await session((await createUser()).id);
    const anonymous = () =>
      fetch(url(1, "/help-wanted")).then(async (r) => [r.headers.get("x-page-cache"), await r.text()]);
    const signedIn = () => fetch(url(1, "/help-wanted"), { headers: { cookie: visitor } }).then((r) => r.text());

    // B serves the board from its caches: the page cache answers the anonymous visitor (a page
    // is cached from its second request on).
    await anonymous();
    await anonymous();
    const [hit, before] = await anonymous();
    expect(hit).toBe("hit");
    expect(before).toContain(title);
    expect(await signedIn()).toContain(title);
    // Not vacuous: a change written behind the portal's back (no notice) stays unseen on B, so
    // what B shows after the lead's change comes from the notice, not from a fresh read.
    await db.helpWantedItem.update({ where: { id: item.id }, data: { title: `${title} renamed quietly` } });
    expect((await anonymous())[1]).not.toContain("renamed quietly");
    expect(await signedIn()).not.toContain("renamed quietly");

    const closed = await fetch(url(0, "/help-wanted"), {
      method: "POST",
      headers: {
        cookie: await session(lead.id),
        "next-action": actionId("app/help-wanted/[id]/actions.ts", "closeItemAction"),
        origin: url(0, ""),
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
      },
      body: JSON.stringify([{ itemId: item.id, reason: "Done elsewhere" }]),
    });
    expect(await closed.text()).toContain('"ok":true');
    const changedAt = Date.now();
    expect((await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("closed");

    // Requests to B start every 100 ms for 1.5 s, not waiting for each other (a render on a busy
    // machine may take longer than the second being tested): each one that starts a second or
    // more after the change must show it.
    const probes: Promise<{ at: number; kind: string; shows: boolean }>[] = [];
    for (let at = 0; at <= 1_500; at += 100) {
      const wait = changedAt + at - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const started = Date.now() - changedAt;
      probes.push(anonymous().then(([, html]) => ({ at: started, kind: "anonymous", shows: html!.includes(title) })));
      probes.push(signedIn().then((html) => ({ at: started, kind: "signed in", shows: html.includes(title) })));
    }
    const results = await Promise.all(probes);
    const late = results.filter((r) => r.at >= 1_000);
    expect(late.length).toBeGreaterThanOrEqual(8);
    expect(late.filter((r) => r.shows)).toEqual([]);
  }, 60_000);
  it("a TAG renamed by any writer shows in both replicas' API within a second; an unannounced rename does not", async () => {
    // First by slug, so the first page of the list holds it.
    const tag = await createTag({ slug: `0-replica-${randomBytes(4).toString("hex")}` });
    const names = async () =>
      Promise.all(
        ([0, 1] as const).map(async (i) => {
          const body = (await (await fetch(url(i, "/api/v1/tags?limit=100"))).json()) as {
            data: { slug: string; name: string }[];
          };
          return body.data.find((t) => t.slug === tag.slug)?.name;
        }),
      );
    expect(await names()).toEqual([tag.name, tag.name]);
    // Not vacuous: with the trigger off, a rename is not announced, and both keep the list they hold.
    await db.$transaction([
      db.$executeRaw`ALTER TABLE "Tag" DISABLE TRIGGER "Tag_cache_notice"`,
      db.tag.update({ where: { id: tag.id }, data: { name: `${tag.name} quietly` } }),
      db.$executeRaw`ALTER TABLE "Tag" ENABLE TRIGGER "Tag_cache_notice"`,
    ]);
    expect(await names()).toEqual([tag.name, tag.name]);
    // A plain write, as a script or psql would make: the trigger tells every replica.
    await db.tag.update({ where: { id: tag.id }, data: { name: `${tag.name} renamed` } });
    const changedAt = Date.now();
    let seen: (string | undefined)[] = [];
    while (Date.now() - changedAt < 1_000) {
      seen = await names();
      if (seen.every((n) => n === `${tag.name} renamed`)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toEqual([`${tag.name} renamed`, `${tag.name} renamed`]);
  }, 30_000);
});
