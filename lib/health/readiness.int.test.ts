import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { committedMigrations, readiness } from "./readiness";
import { markServing, whenServing } from "@/lib/cache/serving";
import { dbHealth, markDbUp } from "@/lib/observability/db-health";

const lastMigration = () => committedMigrations().at(-1)!.name;

beforeAll(async () => {
  await db.$executeRaw`CREATE TABLE ops_migrations_copy AS SELECT * FROM _prisma_migrations`;
});

afterEach(async () => {
  (globalThis as { tagPortalLifecycle?: unknown }).tagPortalLifecycle = undefined;
  markDbUp();
  await db.$executeRaw`DELETE FROM _prisma_migrations`;
  await db.$executeRaw`INSERT INTO _prisma_migrations SELECT * FROM ops_migrations_copy`;
});

describe("readiness", () => {
  it("is ready on a migrated database, with the migrations counted", async () => {
    const r = await readiness();
    expect(r.status).toBe("ready");
    expect(r.checks.migrations).toMatchObject({ ok: true, applied: committedMigrations().length, pending: [] });
  });

  it("names a migration whose file differs from what was applied (edited after being applied)", async () => {
    const name = lastMigration();
    await db.$executeRaw`UPDATE _prisma_migrations SET checksum = 'x' WHERE migration_name = ${name}`;
    const r = await readiness();
    expect(r.status).toBe("not ready");
    expect(r.checks.migrations).toMatchObject({ ok: false, edited: [name] });
  });

  it("names pending and failed migrations, and ignores ones this build does not know (rolling update)", async () => {
    const [first, second] = committedMigrations();
    await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${first!.name}`;
    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${second!.name}`;
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
      VALUES ('future', 'abc', '29990101000000_from_the_next_version', now(), now(), 1)`;
    const r = await readiness();
    expect(r.checks.migrations).toMatchObject({
      ok: false,
      pending: [first!.name],
      failed: [second!.name],
      edited: [],
    });
  });

  it("is not ready while draining after SIGTERM", async () => {
    (globalThis as { tagPortalLifecycle?: unknown }).tagPortalLifecycle = {
      draining: true,
      startedAt: Date.now(),
      installed: true,
    };
    const r = await readiness();
    expect(r).toMatchObject({ status: "not ready", checks: { database: { ok: true }, draining: { ok: false } } });
  });

  it("marks the database up again once it answers", async () => {
    dbHealth().down = true;
    await readiness();
    expect(dbHealth().down).toBe(false);
  });

  it("is not ready while a serving process warms up, and ready once it has", async () => {
    let finish: () => void = () => {};
    try {
      whenServing("snapshot", () => new Promise<void>((resolve) => (finish = resolve)));
      markServing(null);
      expect(await readiness()).toMatchObject({ status: "not ready", checks: { warmUp: { ok: false } } });
      finish();
      await new Promise((r) => setTimeout(r, 10));
      expect(await readiness()).toMatchObject({ status: "ready", checks: { warmUp: { ok: true } } });
    } finally {
      delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("tag-portal.serving")];
    }
  });
});
