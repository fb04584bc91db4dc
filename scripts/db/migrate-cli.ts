/**
 * `npm run db:migrate` (deploy + verify), `npm run db:status`, `npm run db:reset` (local only),
 * `npm run db:new-migration -- <name>`.
 * Works offline: see scripts/db/schema-engine.ts.
 */
import { assertLocalDatabase, migrateAndVerify, openDatabase, withClient } from "./database.ts";
import { createMigration, migrationStatus } from "./schema-engine.ts";

const [command, name] = process.argv.slice(2);
const db = await openDatabase();
let code = 0;
try {
  if (command === "deploy") {
    const applied = await migrateAndVerify(db.url);
    console.log(applied.length ? `Applied ${applied.join(", ")}.` : "No pending migrations.");
    console.log("Verified: every migration applied, no drift from schema.prisma.");
  } else if (command === "status") {
    const s = await migrationStatus(db.url);
    console.log(
      `applied: ${s.applied.length}, pending: ${s.pending.join(", ") || "none"}, failed: ${s.failed.join(", ") || "none"}, edited: ${s.edited.join(", ") || "none"}`,
    );
    if (s.drift) console.log(`drift from schema.prisma:\n${s.drift}`);
    code = s.pending.length || s.failed.length || s.edited.length || s.drift ? 1 : 0;
  } else if (command === "reset") {
    assertLocalDatabase(db.url);
    const name = new URL(db.url).pathname.slice(1);
    const admin = new URL(db.url);
    admin.pathname = "/postgres";
    await withClient(admin.toString(), async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    await migrateAndVerify(db.url);
    console.log(`Database ${name} emptied and migrated. Run \`npm run db:seed\` for the demo data.`);
  } else if (command === "new") {
    if (!name) throw new Error("usage: npm run db:new-migration -- <name_in_snake_case>");
    const created = await createMigration(db.url, name);
    console.log(
      created
        ? `Created prisma/migrations/${created}/migration.sql`
        : "schema.prisma matches the migrations: nothing to create.",
    );
  } else {
    throw new Error("usage: migrate-cli.ts deploy | status | reset | new <name>");
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
} finally {
  await db.cluster?.stop();
}
process.exit(code);
