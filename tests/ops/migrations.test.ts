import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Expand, then contract (docs/operations.md): during a rolling update the previous version serves
 * on the schema the new version's migrations leave, so a migration that takes away what it may read
 * (a table, a column, a type, a name) or that its writes do not fill (a new NOT NULL column without a
 * default) must say which earlier release stopped depending on it, in a `-- contract:` comment.
 */
const dir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Statements that break the previous version's reads or writes. */
const CONTRACTING: [string, RegExp][] = [
  ["drops a table", /\bDROP\s+TABLE\b/i],
  ["drops a column", /\bDROP\s+COLUMN\b/i],
  ["drops a type", /\bDROP\s+TYPE\b/i],
  ["renames", /\bRENAME\b/i],
  ["changes a column's type", /\bALTER\s+COLUMN\s+"?\w+"?\s+(SET\s+DATA\s+)?TYPE\b/i],
  ["makes a column required", /\bSET\s+NOT\s+NULL\b/i],
  [
    "adds a required column without a default",
    /\bADD\s+COLUMN\s+(?:(?!DEFAULT)[^,;])*\bNOT\s+NULL\b(?:(?!DEFAULT)[^,;])*[,;]/i,
  ],
];

/**
 * Contractions from before this check, in one release with the change that stopped reading what they
 * drop: a rolling update from the version before each fails on what it drops until its pods are gone.
 */
const KNOWN: Record<string, string> = {
  "20261204213000_decisions_settle_block_drop_removals":
    "drops RemovalVote and RemovalProposal in the release that moved removal votes to decisions",
};

/** What a migration does that the previous version may not survive, comments aside. */
function contractions(sql: string): string[] {
  const code = sql.replace(/--.*$/gm, "");
  return CONTRACTING.filter(([, re]) => re.test(code)).map(([what]) => what);
}

const migrations = fs
  .readdirSync(dir)
  .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
  .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));

describe("migrations are written expand, then contract", () => {
  it.each(migrations)("$name keeps the previous version working, or says why it may not", ({ name, sql }) => {
    const found = contractions(sql);
    if (!found.length || /^--\s*contract:\s*\S/m.test(sql) || KNOWN[name]) return;
    expect.fail(
      `${name} ${found.join(", ")}: split it (expand now, contract in a later release) or add a "-- contract:" line`,
    );
  });

  it("recognises each contracting statement, and not the expanding ones", () => {
    expect(contractions(`DROP TABLE "Old";`)).toEqual(["drops a table"]);
    expect(contractions(`ALTER TABLE "T" DROP COLUMN "c";`)).toEqual(["drops a column"]);
    expect(contractions(`ALTER TABLE "T" RENAME COLUMN "a" TO "b";`)).toEqual(["renames"]);
    expect(contractions(`ALTER TABLE "T" ALTER COLUMN "c" SET DATA TYPE INTEGER;`)).toEqual([
      "changes a column's type",
    ]);
    expect(contractions(`ALTER TABLE "T" ALTER COLUMN "c" SET NOT NULL;`)).toEqual(["makes a column required"]);
    expect(contractions(`ALTER TABLE "T" ADD COLUMN "c" TEXT NOT NULL;`)).toEqual([
      "adds a required column without a default",
    ]);
    const expanding = `-- DROP TABLE in a comment
      ALTER TABLE "T" ADD COLUMN "a" TEXT, ADD COLUMN "b" BOOLEAN NOT NULL DEFAULT false;
      CREATE TABLE "N" ("id" UUID NOT NULL, "x" TEXT NOT NULL);
      ALTER TYPE "E" ADD VALUE 'new';
      DROP INDEX "T_old_idx"; CREATE INDEX "T_new_idx" ON "T"("a");`;
    expect(contractions(expanding)).toEqual([]);
  });
});
