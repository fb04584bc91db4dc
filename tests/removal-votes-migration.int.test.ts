import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type pg from "pg";
import { withClient } from "../scripts/db/database.ts";

/**
 * The migration that turned the old removal votes into TOC decisions ran only on empty databases
 * in tests. This builds the schema as it stood before it (every earlier migration, in order), writes
 * old removal proposals and votes with SQL, applies the migration and reads what it made.
 */
const DIR = path.join(import.meta.dirname, "../prisma/migrations");
const MIGRATION = "20261204213000_decisions_settle_block_drop_removals";
const adminUrl = inject("adminDatabaseUrl");
const name = `tag_portal_migration_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

const apply = (c: pg.Client, migration: string) =>
  c.query(fs.readFileSync(path.join(DIR, migration, "migration.sql"), "utf8"));

beforeAll(async () => {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const before = fs
    .readdirSync(DIR)
    .filter((m) => /^\d{14}_/.test(m) && m < MIGRATION)
    .sort();
  await withClient(url, async (c) => {
    for (const m of before) await apply(c, m);
  });
}, 120_000);

afterAll(async () => {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

const DAY = 86_400_000;

describe(`migration ${MIGRATION}: old removal votes become removal decisions`, () => {
  it("keeps each vote's outcome, its votes and its electorate, and leaves one vote open per seat", async () => {
    await withClient(url, async (c) => {
      const id = () => randomUUID();
      let github = 1000;
      const user = async (login: string, toc = false) => {
        const u = id();
        await c.query(
          `INSERT INTO "User" ("id", "githubId", "login", "isTocMember", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now())`,
          [u, github++, login, toc],
        );
        return u;
      };
      const tag = id();
      await c.query(
        `INSERT INTO "Tag" ("id", "slug", "name", "removalSupermajority", "createdAt", "updatedAt") VALUES ($1, 'infra', 'TAG Infra', 0.75, now(), now())`,
        [tag],
      );
      const [toc1, toc2, toc3] = [await user("toc1", true), await user("toc2", true), await user("toc3", true)];
      // On the TOC today, did not vote: an elector all the same.
      await user("toc4", true);
      // Voted in the old vote, no longer on the TOC.
      const former = await user("former");
      const seat = async (login: string, status = "active") => {
        const s = id();
        await c.query(
          `INSERT INTO "RoleAssignment" ("id", "tagId", "userId", "kind", "status", "requestedAt", "startAt") VALUES ($1, $2, $3, 'chair', $4::"AssignmentStatus", now(), now())`,
          [s, tag, await user(login), status],
        );
        return s;
      };
      const opened = new Date(Date.now() - 3 * DAY);
      const proposal = async (seatId: string, status: string, closed: Date | null, at = opened) => {
        const p = id();
        await c.query(
          `INSERT INTO "RemovalProposal" ("id", "assignmentId", "reason", "status", "openedById", "openedAt", "closedAt") VALUES ($1, $2, 'inactive', $3::"RemovalStatus", $4, $5, $6)`,
          [p, seatId, status, toc1, at, closed],
        );
        return p;
      };
      const vote = (p: string, userId: string, inFavor: boolean) =>
        c.query(`INSERT INTO "RemovalVote" ("proposalId", "userId", "inFavor", "castAt") VALUES ($1, $2, $3, $4)`, [
          p,
          userId,
          inFavor,
          new Date(opened.getTime() + 1000),
        ]);

      const closedAt = new Date(opened.getTime() + DAY);
      const passed = await proposal(await seat("passed", "ended"), "passed", closedAt);
      for (const [u, yes] of [
        [toc1, true],
        [toc2, true],
        [former, true],
        [toc3, false],
      ] as const)
        await vote(passed, u, yes);
      const failed = await proposal(await seat("failed"), "failed", closedAt);
      await vote(failed, toc1, false);
      const open = await proposal(await seat("open"), "open", null);
      await vote(open, toc2, true);
      // A seat whose removal is already a TOC decision: the old vote gives way to it.
      const decided = await seat("decided");
      const existing = id();
      await c.query(
        `INSERT INTO "Decision" ("id", "kind", "tagId", "subjectId", "title", "thresholdShare", "thresholdMoreThan", "thresholdBase", "openedAt", "closesAt") VALUES ($1, 'removal', $2, $3, 'Remove', 0.75, false, 'cast', now(), now() + interval '7 days')`,
        [existing, tag, decided],
      );
      const gaveWay = await proposal(decided, "open", null);
      // Two old votes open on one seat (nothing stopped it then): one stays open.
      const twice = await seat("twice");
      const first = await proposal(twice, "open", null);
      await vote(first, toc3, true);
      const second = await proposal(twice, "open", null, new Date(opened.getTime() + 1000));

      // The migration, then the later ones (20261205005000 mends its open duplicates).
      for (const m of fs
        .readdirSync(DIR)
        .filter((m) => /^\d{14}_/.test(m) && m >= MIGRATION)
        .sort())
        await apply(c, m);

      const decisions = new Map(
        (
          await c.query(
            `SELECT "id", "kind"::text, "status"::text, "subjectId", "thresholdShare", "thresholdBase", "closedAt", "outcome", "closesAt" FROM "Decision"`,
          )
        ).rows.map((r) => [r.id as string, r]),
      );
      const electors = async (d: string) =>
        (
          await c.query(
            `SELECT u."login", e."recusal" FROM "DecisionElector" e JOIN "User" u ON u."id" = e."userId" WHERE e."decisionId" = $1 ORDER BY u."login"`,
            [d],
          )
        ).rows.map((r) => (r.recusal ? `${r.login} (${r.recusal})` : r.login));
      const votes = async (d: string) =>
        (
          await c.query(
            `SELECT u."login", v."choice"::text FROM "DecisionVote" v JOIN "User" u ON u."id" = v."userId" WHERE v."decisionId" = $1 ORDER BY u."login"`,
            [d],
          )
        ).rows.map((r) => `${r.login}:${r.choice}`);

      expect(decisions.get(passed)).toMatchObject({
        kind: "removal",
        status: "approved",
        thresholdShare: 0.75,
        thresholdBase: "cast",
        closedAt,
        outcome: "Passed under the earlier removal vote.",
      });
      expect(await votes(passed)).toEqual(["former:yes", "toc1:yes", "toc2:yes", "toc3:no"]);
      // Who voted then, and today's TOC.
      expect(await electors(passed)).toEqual(["former", "toc1", "toc2", "toc3", "toc4"]);
      expect(decisions.get(failed)).toMatchObject({
        status: "rejected",
        outcome: "Did not pass under the earlier removal vote.",
      });
      expect(await votes(failed)).toEqual(["toc1:no"]);
      expect(decisions.get(open)).toMatchObject({
        status: "open",
        closedAt: null,
        closesAt: new Date(opened.getTime() + 7 * DAY),
      });
      expect(await votes(open)).toEqual(["toc2:yes"]);
      expect(decisions.get(gaveWay)).toMatchObject({
        status: "withdrawn",
        closedAt: opened,
        outcome: "Withdrawn: another vote on this seat was open.",
      });
      expect(decisions.get(existing)).toMatchObject({ status: "open" });
      expect([first, second].map((p) => decisions.get(p)?.status)).toEqual(["open", "withdrawn"]);
      expect(
        (
          await c.query(
            `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('RemovalProposal', 'RemovalVote')`,
          )
        ).rows[0].n,
      ).toBe(0);
    });
  });
});
