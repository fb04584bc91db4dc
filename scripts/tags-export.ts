/**
 * `npm run tags:export -- [file]`: writes tags.yaml as the portal now sees it (to stdout without
 * a file). Export edits the text the last `tags:import` kept, so comments, key order and keys the
 * portal does not use stay; an unchanged portal gives the imported bytes back, and a change made
 * in the portal is a small diff for a pull request to cncf/toc.
 */
import { writeFile } from "node:fs/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { exportTagsYamlFromDatabase } from "../lib/tags-yaml/apply.ts";
import { migrateAndVerify, openDatabase } from "./db/database.ts";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length > 1 || args[0]?.startsWith("-")) {
  console.error("usage: npm run tags:export -- [file]   (stdout without a file)");
  process.exit(2);
}
const file = args[0];

const database = await openDatabase();
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
try {
  if (database.cluster) await migrateAndVerify(database.url);
  const text = await exportTagsYamlFromDatabase(db);
  if (file) {
    await writeFile(file, text);
    console.error(`wrote ${file}`);
  } else process.stdout.write(text);
} catch (e) {
  console.error(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.cluster?.stop();
}
