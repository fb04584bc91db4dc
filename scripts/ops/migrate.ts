/**
 * The image's `migrate` command (a Kubernetes Job before each rollout): apply the committed
 * migrations to DATABASE_URL and verify them (nothing pending, failed or edited, no drift from
 * schema.prisma), exactly as `npm run db:migrate` does, but never starting an embedded database.
 */
import { envOrExit } from "../../lib/env.ts";
import { logger } from "../../lib/observability/logger.ts";
import { migrateAndVerify } from "../db/database.ts";

const e = envOrExit();
const log = logger().child({ component: "migrate" });
if (!e.DATABASE_URL) {
  process.stderr.write("DATABASE_URL is not set: the migrate step needs the database to migrate.\n");
  process.exit(1);
}
try {
  const applied = await migrateAndVerify(e.DATABASE_URL);
  log.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : "no pending migrations");
  log.info("verified: every migration applied, no drift from schema.prisma");
  process.exit(0);
} catch (err) {
  log.error({ err }, "migrations failed");
  process.exit(1);
}
