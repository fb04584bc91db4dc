import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { seed } from "@/prisma/seed";
import { withClient } from "@/scripts/db/database";
import { hasPgTools } from "@/scripts/db/pg-tools";
import { freshDatabase } from "@/scripts/ops/processes";

/**
 * `npm run db:backup` under a bounded write load, `npm run db:restore` into a fresh database:
 * every write acknowledged before the backup started is there, and every published election
 * re-counts (`npm run tally`, the published files) to its published result with the same hashes.
 */
const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tag-portal-backup-"));
const file = path.join(dir, "portal.dump");
const sourceUrl = process.env.DATABASE_URL!;
let restoreUrl = "";

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.stderr.on("data", (d: Buffer) => (out += d.toString()));
    p.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}

beforeAll(async () => {
  await seed(sourceUrl);
  restoreUrl = await freshDatabase(inject("adminDatabaseUrl"), `${new URL(sourceUrl).pathname.slice(1)}_restored`);
}, 120_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await withClient(inject("adminDatabaseUrl"), (c) =>
    c.query(`DROP DATABASE IF EXISTS "${new URL(restoreUrl).pathname.slice(1)}" WITH (FORCE)`),
  );
});

describe.skipIf(!hasPgTools())("backup and restore (pg_dump and pg_restore from postgresql-client-15)", () => {
  it("a backup taken while writes go on restores every write acknowledged before it, and the same election results", async () => {
    const user = await db.user.findFirstOrThrow({ select: { id: true } });
    const ledger: { key: string; ackedAt: number }[] = [];
    let stop = false;
    let next = 0;
    // Bounded load: three writers, at most 1,500 writes, until the backup has finished.
    const writer = async () => {
      while (!stop && next < 1500) {
        const key = `ops-ledger:${next++}`;
        await notify({ userId: user.id, kind: "ops.ledger", title: "ledger", body: key, dedupeKey: key }, new Date());
        ledger.push({ key, ackedAt: Date.now() });
      }
    };
    const writers = [writer(), writer(), writer()];
    while (ledger.length < 50) await new Promise((r) => setTimeout(r, 20));
    const backupStarted = Date.now();
    const backup = await run("scripts/db/backup.ts", [file], { DATABASE_URL: sourceUrl });
    const writtenDuring = ledger.filter((l) => l.ackedAt >= backupStarted).length;
    stop = true;
    await Promise.all(writers);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain("Verified: the archive reads back and holds the data of every table.");
    expect(writtenDuring, "writes went on while the backup ran").toBeGreaterThan(0);

    const restore = await run("scripts/db/restore.ts", [file], { DATABASE_URL: restoreUrl });
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain("Verified: every table is back");

    const restoredKeys = await withClient(restoreUrl, async (c) => {
      const r = await c.query<{ k: string }>(`SELECT "dedupeKey" AS k FROM "Notification" WHERE kind = 'ops.ledger'`);
      return new Set(r.rows.map((x) => x.k));
    });
    const acknowledgedBefore = ledger.filter((l) => l.ackedAt < backupStarted).map((l) => l.key);
    expect(acknowledgedBefore.filter((k) => !restoredKeys.has(k))).toEqual([]);

    // Published elections: same files, same hashes, and a re-count of the files gives the result.
    const artifacts = async (url: string) =>
      withClient(url, async (c) => {
        const r = await c.query<{ id: string; method: string; name: string; content: string; sha256: string }>(
          `SELECT e.id, e.method::text AS method, a.name, a.content, a.sha256 FROM "Election" e
           JOIN "ElectionArtifact" a ON a."electionId" = e.id WHERE e.phase = 'published' ORDER BY e.id, a.name`,
        );
        return r.rows;
      });
    const [before, after] = await Promise.all([artifacts(sourceUrl), artifacts(restoreUrl)]);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((a) => [a.id, a.name, a.sha256])).toEqual(before.map((a) => [a.id, a.name, a.sha256]));
    for (const a of after) expect(createHash("sha256").update(a.content).digest("hex"), a.name).toBe(a.sha256);
    for (const id of new Set(after.map((a) => a.id))) {
      const files = after.filter((a) => a.id === id);
      const electionDir = fs.mkdtempSync(path.join(dir, "election-"));
      for (const f of files) fs.writeFileSync(path.join(electionDir, f.name), f.content);
      const ballots = files.find((f) => f.name === "ballots.blt") ?? files.find((f) => f.name === "matrix.json")!;
      const method = files[0]!.method === "stv" ? ["--method", "stv"] : [];
      const recount = await run(
        "scripts/tally/cli.ts",
        [path.join(electionDir, ballots.name), "--rules", path.join(electionDir, "rules.json"), "--json", ...method],
        {},
      );
      expect(recount.out, `re-count of election ${id}`).toBe(files.find((f) => f.name === "result.json")!.content);
    }
  }, 180_000);

  it("refuses a database that is not empty unless --force, and one on another machine unless --yes-really", async () => {
    const again = await run("scripts/db/restore.ts", [file], { DATABASE_URL: restoreUrl });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/not empty.*--force/s);

    const remote = await run("scripts/db/restore.ts", [file], {
      DATABASE_URL: "postgresql://portal:hunter2-secret@db.example.org:5432/portal",
    });
    expect(remote.code).toBe(1);
    expect(remote.out).toContain("--yes-really");
    expect(remote.out).not.toContain("hunter2-secret");

    const forced = await run("scripts/db/restore.ts", [file, "--force"], { DATABASE_URL: restoreUrl });
    expect(forced.code, forced.out).toBe(0);
    expect(forced.out).toContain("Emptied");
  }, 120_000);
});
