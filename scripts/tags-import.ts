/**
 * `npm run tags:import -- [tags.yaml] [--dry-run] [--end-missing]`: creates or updates TAGs,
 * subprojects, chairs, tech leads, subproject leads, TOC liaisons and terms from the TOC's
 * tags.yaml. Without a file it reads the TOC's own file from cncf/toc through the GitHub API
 * (GITHUB_API_URL): that is the TOC's record, so its seats are held at once with the commit as
 * their decision link. A file given on the command line is a proposal: its new seats wait for a
 * TOC decision, and it changes no term and ends no seat. Seat holders' logins are resolved to
 * GitHub ids through `GET {GITHUB_API_URL}/users/{login}`; unresolved logins are listed, never
 * guessed. A malformed entry stops the import (named by line) before anything is written; the
 * rest is one transaction. Current seats the file does not list are reported as "would end" and
 * ended only with --end-missing (and only from the TOC's file).
 */
import { readFile } from "node:fs/promises";
import { importTagsYaml, type TagsImportSource } from "../lib/tags-yaml/apply.ts";
import { fetchTocTagsYaml } from "../lib/tags-yaml/fetch.ts";
import { TOC_REPOSITORY, TOC_TAGS_FILE } from "../lib/github-access/toc-repository.ts";
import { formatNote, parseTagsYaml } from "../lib/tags-yaml/parse.ts";
import { describePlan } from "../lib/tags-yaml/plan.ts";
import { githubLoginResolver } from "../lib/auth/github-logins.ts";
import { withPortalDatabase } from "./db/portal-database.ts";

const args = process.argv.slice(2).filter((a) => a !== "--");
const flags = new Set(args.filter((a) => a.startsWith("--")));
const files = args.filter((a) => !a.startsWith("--"));
const unknown = [...flags].filter((f) => f !== "--dry-run" && f !== "--end-missing");
if (files.length > 1 || unknown.length > 0) {
  console.error("usage: npm run tags:import -- [tags.yaml] [--dry-run] [--end-missing]");
  process.exit(2);
}
const dryRun = flags.has("--dry-run");
const endMissing = flags.has("--end-missing");
const api = {
  apiUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
  token: process.env.GITHUB_API_TOKEN ?? null,
};

let text: string;
let source: TagsImportSource = { kind: "file" };
const file = files[0] ?? `${TOC_REPOSITORY}/${TOC_TAGS_FILE}`;
if (files[0]) {
  try {
    text = await readFile(files[0], "utf8");
  } catch (e) {
    console.error(
      (e as NodeJS.ErrnoException).code === "ENOENT"
        ? `No file at ${file}.`
        : `Could not read ${file}: ${(e as Error).message}`,
    );
    process.exit(1);
  }
} else {
  try {
    const toc = await fetchTocTagsYaml(api);
    text = toc.text;
    source = { kind: "toc", commit: toc.commit, url: toc.url };
    console.log(`${file} at commit ${toc.commit}: the TOC's record`);
  } catch (e) {
    console.error(`Could not read ${file}: ${(e as Error).message}`);
    process.exit(1);
  }
}
const parsed = parseTagsYaml(text);
if (!parsed.ok) {
  console.error(
    `${file}: ${parsed.errors.length} malformed ${parsed.errors.length === 1 ? "entry" : "entries"}; nothing was imported.`,
  );
  for (const e of parsed.errors) console.error(`  ${formatNote(e)}`);
  process.exit(1);
}

const resolve = githubLoginResolver(api);
await withPortalDatabase("Import failed (the import is one transaction, so nothing was written)", async (db) => {
  const result = await importTagsYaml(db, text, { resolve, source, dryRun, endMissing });
  if (!result.ok) throw new Error(result.errors.map(formatNote).join("; "));
  const { plan } = result;
  const seats = parsed.file.tags.reduce(
    (n, t) => n + t.chairs.length + t.techLeads.length + t.subprojects.reduce((m, s) => m + s.leads.length, 0),
    0,
  );
  console.log(
    `${file}: ${parsed.file.tags.length} TAGs, ${parsed.file.tags.reduce((n, t) => n + t.subprojects.length, 0)} subprojects, ${seats} seats, ${parsed.file.tocSubprojects.length} TOC subprojects read`,
  );
  console.log(
    `${dryRun ? "would make" : "made"} ${plan.changes.length} ${plan.changes.length === 1 ? "change" : "changes"}; ${plan.unresolved.length} unresolved logins; ${plan.missing.length} seats not in the file`,
  );
  for (const line of describePlan(plan, { endMissing })) console.log(`  ${line}`);
  if (dryRun) console.log("dry run: nothing was written");
});
