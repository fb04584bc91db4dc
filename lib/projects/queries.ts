import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectRepository } from "./parse-clomonitor";
import { PROJECTS_PER_PAGE, type ProjectFilters } from "./schemas";

const ORDER: Record<ProjectFilters["sort"], Prisma.ProjectOrderByWithRelationInput[]> = {
  name: [{ name: "asc" }],
  newest: [{ acceptedAt: { sort: "desc", nulls: "last" } }, { name: "asc" }],
  oldest: [{ acceptedAt: { sort: "asc", nulls: "last" } }, { name: "asc" }],
};

/** Prisma sends `contains` to PostgreSQL as ILIKE without escaping, so `%` and `_` would be patterns. */
const likeText = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereFor(f: ProjectFilters): Prisma.ProjectWhereInput {
  const and: Prisma.ProjectWhereInput[] = [];
  if (f.q) {
    const q = likeText(f.q);
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { displayName: { contains: q, mode: "insensitive" } },
        { description: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  if (f.maturity) and.push({ maturity: f.maturity });
  if (f.category) and.push({ category: f.category });
  return { AND: and };
}

/**
 * One page of the catalogue for the given filters, with the total and the page actually shown
 * (a page past the end shows the last one).
 */
export async function listProjects(f: ProjectFilters) {
  const where = whereFor(f);
  const total = await db.project.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PROJECTS_PER_PAGE));
  const page = Math.min(f.page, pageCount);
  const projects = await db.project.findMany({
    where,
    orderBy: ORDER[f.sort],
    skip: (page - 1) * PROJECTS_PER_PAGE,
    take: PROJECTS_PER_PAGE,
    select: { name: true, displayName: true, description: true, category: true, maturity: true, acceptedAt: true },
  });
  return { projects, total, page, pageCount };
}

/** The categories in use, alphabetical, for the filter's choices. */
export async function listProjectCategories(): Promise<string[]> {
  const rows = await db.project.findMany({
    where: { category: { not: "" } },
    distinct: ["category"],
    orderBy: { category: "asc" },
    select: { category: true },
  });
  return rows.map((r) => r.category);
}

/** One project by its CLOMonitor name, or null. */
export async function findProject(name: string) {
  const row = await db.project.findUnique({
    where: { name },
    select: {
      name: true,
      displayName: true,
      description: true,
      category: true,
      maturity: true,
      acceptedAt: true,
      homeUrl: true,
      devstatsUrl: true,
      repositories: true,
      importedAt: true,
    },
  });
  if (!row) return null;
  return { ...row, repositories: readRepositories(row.repositories) };
}

/** `Project.repositories` is JSON written by the importer; anything else in it is ignored, not trusted. */
function readRepositories(json: Prisma.JsonValue): ProjectRepository[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((r) => {
    if (!r || typeof r !== "object" || Array.isArray(r)) return [];
    const { name, url, checkSets } = r as Record<string, unknown>;
    if (typeof name !== "string" || typeof url !== "string" || !/^https?:\/\//i.test(url)) return [];
    return [
      {
        name,
        url,
        checkSets: Array.isArray(checkSets) ? checkSets.filter((c): c is string => typeof c === "string") : [],
      },
    ];
  });
}
