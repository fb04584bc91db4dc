/**
 * Writes parsed CLOMonitor projects into the catalogue. Shared by `npm run projects:import`, the
 * demo seed and the tests, so it takes its PrismaClient rather than importing the app's (a plain
 * tsx script cannot load `server-only` modules).
 */
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ParsedProject, ProjectRepository } from "./parse-clomonitor.ts";
import { isoDay } from "../vocabulary/index.ts";

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
  /**
   * Entries the catalogue cannot hold as they are. `Project.maturity` is required, and CLOMonitor
   * lists some entries without one (Kubernetes subprojects, CNCF TAGs); guessing a maturity would
   * put them under a wrong filter, so they are left out and named.
   */
  skipped: { name: string; reason: string }[];
}

type Row = Awaited<ReturnType<PrismaClient["project"]["findMany"]>>[number];

/** JSON with object keys sorted: jsonb does not keep key order, so compare this, not the raw text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function fieldsOf(p: ParsedProject & { maturity: NonNullable<ParsedProject["maturity"]> }) {
  return {
    displayName: p.displayName,
    description: p.description,
    category: p.category,
    maturity: p.maturity,
    acceptedAt: p.acceptedAt ? new Date(`${p.acceptedAt}T00:00:00Z`) : null,
    homeUrl: p.homeUrl,
    logoUrl: p.logoUrl,
    devstatsUrl: p.devstatsUrl,
    repositories: p.repositories.map((r): ProjectRepository => ({ name: r.name, url: r.url, checkSets: r.checkSets })),
  };
}

function isSame(row: Row, f: ReturnType<typeof fieldsOf>): boolean {
  return (
    row.displayName === f.displayName &&
    row.description === f.description &&
    row.category === f.category &&
    row.maturity === f.maturity &&
    isoDay(row.acceptedAt) === isoDay(f.acceptedAt) &&
    row.homeUrl === f.homeUrl &&
    row.logoUrl === f.logoUrl &&
    row.devstatsUrl === f.devstatsUrl &&
    canonical(row.repositories) === canonical(f.repositories)
  );
}

/**
 * Upserts projects by `name` in one transaction. Idempotent: a row whose fields already match is
 * not written at all (its `importedAt` stays the time it last changed). Projects missing from the
 * input are left alone: a partial file must not empty the catalogue.
 */
export async function importProjects(
  db: PrismaClient,
  projects: readonly ParsedProject[],
  at: Date = new Date(),
): Promise<ImportSummary> {
  const summary: ImportSummary = { created: [], updated: [], unchanged: [], skipped: [] };
  await db.$transaction(
    async (tx) => {
      const existing = new Map(
        (await tx.project.findMany({ where: { name: { in: projects.map((p) => p.name) } } })).map((row) => [
          row.name,
          row,
        ]),
      );
      for (const p of projects) {
        if (p.maturity === null) {
          summary.skipped.push({ name: p.name, reason: "no maturity given" });
          continue;
        }
        const fields = fieldsOf({ ...p, maturity: p.maturity });
        const row = existing.get(p.name);
        if (row && isSame(row, fields)) {
          summary.unchanged.push(p.name);
          continue;
        }
        // An upsert, not create/update from the read above: a concurrent import then cannot fail
        // this one on the unique name; it only makes the created/updated split approximate.
        await tx.project.upsert({
          where: { name: p.name },
          create: { name: p.name, ...fields, importedAt: at },
          update: { ...fields, importedAt: at },
          select: { id: true },
        });
        (row ? summary.updated : summary.created).push(p.name);
      }
    },
    { timeout: 60_000 },
  );
  return summary;
}

/** "3 created, 1 updated, 240 unchanged, 17 skipped" */
export function describeImport(s: ImportSummary): string {
  return `${s.created.length} created, ${s.updated.length} updated, ${s.unchanged.length} unchanged, ${s.skipped.length} skipped`;
}
