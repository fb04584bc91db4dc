/**
 * Starts the test PostgreSQL (embedded, or a local DATABASE_URL server), migrates a template
 * database once and verifies it; each Vitest worker then clones the template (tests/setup-database.ts).
 */
import type { TestProject } from "vitest/node";
import type { EmbeddedCluster } from "../scripts/db/embedded-postgres.ts";
import { migrateAndVerify, openLocalServer, withClient } from "../scripts/db/database.ts";

export const TEMPLATE_DB = "tag_portal_test_template";
let cluster: EmbeddedCluster | null = null;

export default async function setup(project: TestProject) {
  const server = await openLocalServer("test", Number(process.env.TEST_PG_PORT ?? 54330), true);
  cluster = server.cluster;
  const adminUrl = server.adminUrl;
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await migrateAndVerify(templateUrl.toString());
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DB);
  return async () => {
    await cluster?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
