/**
 * `npm run elekto:import -- <folder or archive> --tag <slug> [--role <name or roleKey>] [--voting-opens YYYY-MM-DD]`
 * reads an Elekto election folder (election.yaml, election_desc.md, voters.yaml, candidate-<id>.md),
 * or a zip or tarball of one, through the same importer as the officers' upload page into a draft
 * election of a TAG; logins are resolved to GitHub ids through `GET {GITHUB_API_URL}/users/{login}`
 * and unresolved ones are listed. Nothing is written when a file is malformed.
 *
 * `npm run elekto:export -- <election-id> <folder>` writes an election back to that layout, with
 * Elekto's ballots.csv once the ballots are counted and the election publishes them.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportElektoElection, importElektoElection, parseElektoFolder } from "../lib/elections/elekto.ts";
import { githubLoginResolver } from "../lib/auth/github-logins.ts";
import { readElektoPath } from "../lib/elections/elekto-archive.ts";
import { withPortalDatabase } from "./db/portal-database.ts";

const USAGE = [
  "usage: npm run elekto:import -- <folder|archive> --tag <slug> [--role <name>] [--voting-opens YYYY-MM-DD]",
  "       npm run elekto:export -- <election-id> <folder>",
].join("\n");

const [command, ...rest] = process.argv.slice(2).filter((a) => a !== "--");
const options = new Map<string, string>();
const positional: string[] = [];
for (let i = 0; i < rest.length; i++) {
  const a = rest[i]!;
  if (a.startsWith("--")) {
    const value = rest[i + 1];
    if (value === undefined || value.startsWith("--")) {
      console.error(`${a} needs a value\n${USAGE}`);
      process.exit(2);
    }
    options.set(a.slice(2), value);
    i++;
  } else positional.push(a);
}
const known = command === "import" ? ["tag", "role", "voting-opens"] : [];
const unknown = [...options.keys()].filter((k) => !known.includes(k));
if (
  (command !== "import" && command !== "export") ||
  unknown.length > 0 ||
  positional.length !== (command === "import" ? 1 : 2) ||
  (command === "import" && !options.has("tag"))
) {
  console.error(USAGE);
  process.exit(2);
}

await withPortalDatabase(
  `${command === "import" ? "Import failed (one transaction, so nothing was written)" : "Export failed"}`,
  async (db) => {
    if (command === "import") {
      const folder = positional[0]!;
      const parsed = parseElektoFolder((await readElektoPath(folder)).files);
      if (!parsed.ok) {
        console.error(`${folder}: ${parsed.errors.length} problem(s); nothing was imported.`);
        for (const e of parsed.errors) console.error(`  ${e}`);
        process.exitCode = 1;
      } else {
        const opens = options.get("voting-opens");
        const votingOpensAt = opens ? new Date(`${opens}T00:00:00Z`) : undefined;
        if (votingOpensAt && Number.isNaN(votingOpensAt.getTime()))
          throw new Error("--voting-opens: write the day as YYYY-MM-DD");
        // The domain clock (lib/clock) without its server-only module: real time plus the stored offset.
        const clock = await db.clockState.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
        const result = await importElektoElection(db, parsed.folder, {
          tagSlug: options.get("tag")!,
          role: options.get("role"),
          resolve: githubLoginResolver({
            apiUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
            token: process.env.GITHUB_API_TOKEN ?? null,
          }),
          actorId: null,
          at: new Date(Date.now() + Number(clock?.offsetMs ?? 0n)),
          votingOpensAt,
        });
        console.log(`imported "${result.title}" as draft election ${result.electionId}`);
        console.log(
          `  ${result.candidates.length} candidates (${result.candidates.map((c) => `@${c}`).join(", ")}), ${result.voters} voters, officers: ${result.officers.map((o) => `@${o}`).join(", ") || "none"}`,
        );
        console.log(`  ${result.unresolved.length} unresolved logins`);
        for (const u of result.unresolved) console.log(`    @${u.login} (${u.where}): ${u.reason}`);
        for (const n of result.notes) console.log(`  note: ${n}`);
      }
    } else {
      const [electionId, folder] = positional as [string, string];
      const { files, ballots } = await exportElektoElection(db, electionId);
      await mkdir(folder, { recursive: true });
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
      console.log(
        `wrote ${Object.keys(files).length} files to ${folder}${ballots === null ? " (no ballots.csv: not counted yet, or ballots are not published)" : ` (ballots.csv: ${ballots} ballots)`}`,
      );
    }
  },
);
