/**
 * `npm run projects:import -- [path-or-url]`: fills the project catalogue from CLOMonitor's
 * `data/cncf.yaml` (a file path, or an http(s) URL; by default the public file on GitHub).
 * Upserts by name and prints `N created, N updated, N unchanged, N skipped`; running it again
 * changes nothing. Any invalid entry stops the import before anything is written.
 */
import { readFile } from "node:fs/promises";
import { describeImport, importProjects } from "../lib/projects/import.ts";
import { formatEntryError, parseClomonitor } from "../lib/projects/parse-clomonitor.ts";
import { withPortalDatabase } from "./db/portal-database.ts";

const DEFAULT_SOURCE = "https://raw.githubusercontent.com/cncf/clomonitor/main/data/cncf.yaml";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length > 1 || args[0] === "--help" || args[0] === "-h") {
  console.error("usage: npm run projects:import -- [path-or-url]   (default: " + DEFAULT_SOURCE + ")");
  process.exit(2);
}
const source = args[0] ?? DEFAULT_SOURCE;

async function readSource(from: string): Promise<string> {
  if (!/^https?:\/\//i.test(from)) {
    return readFile(from, "utf8").catch((e: NodeJS.ErrnoException) => {
      throw new Error(e.code === "ENOENT" ? `No file at ${from}.` : `Could not read ${from}: ${e.message}`);
    });
  }
  let res: Response;
  try {
    res = await fetch(from, { signal: AbortSignal.timeout(30_000), headers: { "User-Agent": "tag-portal" } });
  } catch (e) {
    const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    throw new Error(
      `Could not download ${from} (${cause}). If this machine has no internet access, download the file elsewhere and run: npm run projects:import -- <path>`,
    );
  }
  if (!res.ok) throw new Error(`${from} answered HTTP ${res.status}. Nothing was imported.`);
  return res.text();
}

let text: string;
try {
  text = await readSource(source);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

const { projects, errors } = parseClomonitor(text);
if (errors.length > 0) {
  console.error(
    `${source}: ${errors.length} invalid ${errors.length === 1 ? "entry" : "entries"}; nothing was imported.`,
  );
  for (const e of errors) console.error(`  ${formatEntryError(e)}`);
  process.exit(1);
}
if (projects.length === 0) {
  console.error(`${source} lists no projects; nothing was imported.`);
  process.exit(1);
}

await withPortalDatabase("Import failed (the import is one transaction, so nothing was written)", async (db) => {
  const summary = await importProjects(db, projects);
  console.log(`${source}: ${projects.length} projects read; ${describeImport(summary)}`);
  if (summary.skipped.length > 0) {
    console.log(`skipped (the catalogue needs a maturity): ${summary.skipped.map((s) => s.name).join(", ")}`);
  }
});
