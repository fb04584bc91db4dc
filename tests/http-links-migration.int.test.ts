import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTag } from "./factories";

const MIGRATION = path.join(import.meta.dirname, "../prisma/migrations/20261204180000_http_links_only/migration.sql");

describe("the migration that keeps only http(s) links (issue 16, finding 4)", () => {
  it("removes stored javascript:, data: and other links and keeps http(s) ones", async () => {
    const values = {
      bad: ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "https://"],
      good: ["https://lists.example.org/g/tag", "HTTP://lists.example.org/g/old"],
    };
    const tags = { bad: [] as string[], good: [] as string[] };
    for (const kind of ["bad", "good"] as const)
      for (const mailingList of values[kind]) {
        const t = await createTag();
        await db.tag.update({ where: { id: t.id }, data: { mailingList } });
        tags[kind].push(t.id);
      }
    // Every statement runs (its table and column exist) as the migration runs them.
    const sql = fs.readFileSync(MIGRATION, "utf8").replace(/--.*$/gm, "");
    for (const statement of sql
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean))
      await db.$executeRawUnsafe(statement);
    const after = async (ids: string[]) =>
      (await db.tag.findMany({ where: { id: { in: ids } }, select: { mailingList: true } })).map((t) => t.mailingList);
    expect(await after(tags.bad)).toEqual(values.bad.map(() => null));
    expect((await after(tags.good)).sort()).toEqual([...values.good].sort());
  });
});
