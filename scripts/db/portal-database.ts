/** The portal's database through Prisma, for the command-line tools (imports and exports). */
import type { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { createPrismaClient } from "../../lib/prisma-client.ts";
import { migrateAndVerify, openDatabase } from "./database.ts";

/**
 * Runs a tool's work on the portal's database: an embedded one is migrated first (a real server's
 * is migrated by its deploy); a failure is printed as `<failure>: <message>` with exit code 1; the
 * client disconnects and the embedded cluster stops either way.
 */
export async function withPortalDatabase(failure: string, work: (db: PrismaClient) => Promise<void>): Promise<void> {
  const database = await openDatabase();
  const db = createPrismaClient(database.url);
  try {
    if (database.cluster) await migrateAndVerify(database.url);
    await work(db);
  } catch (e) {
    console.error(`${failure}: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await database.cluster?.stop();
  }
}
