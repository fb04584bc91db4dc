/**
 * Gives each integration test file (`*.int.test.ts`) a fresh database cloned from the migrated
 * template, and points DATABASE_URL (read by lib/env.ts and lib/db.ts) at it before any test imports
 * them. Unit test files (a third of them) get no database: cloning one cost each file most of a
 * second of CI. Their DATABASE_URL names a database that does not exist, so a unit test that
 * reached for PostgreSQL fails at once rather than sharing another file's data.
 */
import { afterAll, expect, inject } from "vitest";
import { randomUUID } from "node:crypto";

const adminUrl = inject("adminDatabaseUrl");
const template = inject("templateDatabase");
const integration = /\.int\.test\.ts$/.test(expect.getState().testPath ?? "");
const name = integration
  ? `tag_portal_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`
  : "tag_portal_unit_tests_have_no_database";
if (integration) {
  const { withClient } = await import("../scripts/db/database.ts");
  // PostgreSQL refuses to copy a template that another session is copying at the same moment
  // ("source database is being accessed by other users"): workers retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      // FILE_COPY copies the template's files after a checkpoint; the default (WAL_LOG) writes every
      // page through the WAL, 2-3 times slower for this template on the test cluster (fsync off).
      await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`));
      break;
    } catch (e) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
    }
  }
  afterAll(async () => {
    const { disconnectDb } = await import("../lib/db.ts").catch(() => ({ disconnectDb: async () => {} }));
    await disconnectDb();
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
}
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
// Race tests (claims, votes, approvals) need real concurrency: more connections than racers.
process.env.DATABASE_POOL_SIZE = "60";
