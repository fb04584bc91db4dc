/** The catalogue's URL parameters (`/projects?q=&maturity=&category=&sort=&page=`), shared by the page and its queries. */
import { z } from "zod";

/** CLOMonitor's maturity levels, as `ProjectMaturity` in the schema. */
export const PROJECT_MATURITIES = ["sandbox", "incubating", "graduated", "archived"] as const;
export type ProjectMaturityName = (typeof PROJECT_MATURITIES)[number];

export const PROJECT_SORTS = ["name", "newest", "oldest"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export const PROJECTS_PER_PAGE = 24;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (max: number) =>
  z.preprocess((v) => {
    const s = first(v);
    return typeof s === "string" ? s.trim().slice(0, max) : "";
  }, z.string());

/**
 * Parameters as typed into a URL: anything unknown or malformed falls back to "no filter" rather
 * than an error page (a hand-edited link should still show the catalogue).
 */
export const ProjectFiltersSchema = z.object({
  q: text(100),
  maturity: z.preprocess(first, z.enum(PROJECT_MATURITIES).optional()).catch(undefined),
  category: text(100),
  sort: z.preprocess(first, z.enum(PROJECT_SORTS)).catch("name"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000)).catch(1),
});

export type ProjectFilters = z.infer<typeof ProjectFiltersSchema>;

/** Reads Next.js `searchParams` (values may be strings, arrays or absent). */
export function parseProjectFilters(params: Record<string, string | string[] | undefined>): ProjectFilters {
  return ProjectFiltersSchema.parse(params);
}

/** The `/projects` URL for these filters, leaving defaults out so links stay short. */
export function projectsHref(filters: ProjectFilters, change: Partial<ProjectFilters> = {}): string {
  const f = { ...filters, ...change };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.maturity) params.set("maturity", f.maturity);
  if (f.category) params.set("category", f.category);
  if (f.sort !== "name") params.set("sort", f.sort);
  if (f.page > 1) params.set("page", String(f.page));
  const query = params.toString();
  return query ? `/projects?${query}` : "/projects";
}
