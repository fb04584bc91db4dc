/**
 * `npm run tags:export -- [file]`: writes tags.yaml as the portal now sees it (to stdout without
 * a file). Export edits the text the last `tags:import` kept, so comments, key order and keys the
 * portal does not use stay; an unchanged portal gives the imported bytes back, and a change made
 * in the portal is a small diff for a pull request to cncf/toc.
 */
import { writeFile } from "node:fs/promises";
import { exportTagsYamlFromDatabase } from "../lib/tags-yaml/apply.ts";
import { withPortalDatabase } from "./db/portal-database.ts";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length > 1 || args[0]?.startsWith("-")) {
  console.error("usage: npm run tags:export -- [file]   (stdout without a file)");
  process.exit(2);
}
const file = args[0];

await withPortalDatabase("Export failed", async (db) => {
  const text = await exportTagsYamlFromDatabase(db);
  if (file) {
    await writeFile(file, text);
    console.error(`wrote ${file}`);
  } else process.stdout.write(text);
});
