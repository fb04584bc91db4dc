import type { Metadata } from "next";
import Link from "next/link";
import { listProjectCategories, listProjects } from "@/lib/projects/queries";
import { PROJECT_MATURITIES, parseProjectFilters, projectsHref, type ProjectFilters } from "@/lib/projects/schemas";
import { MaturityBadge, formatUtcDay } from "./_components/maturity-badge";

export const metadata: Metadata = { title: "CNCF projects" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<ProjectFilters["sort"], string> = {
  name: "Name (A to Z)",
  newest: "Accepted, newest first",
  oldest: "Accepted, oldest first",
};

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";

/** The CNCF project catalogue: search, maturity and category filters, all in the URL (a plain GET form). */
export default async function ProjectsPage({ searchParams }: Props) {
  const filters = parseProjectFilters(await searchParams);
  const [{ projects, total, page, pageCount }, categories] = await Promise.all([
    listProjects(filters),
    listProjectCategories(),
  ]);
  const filtered = Boolean(filters.q || filters.maturity || filters.category);
  const categoryChoices =
    filters.category && !categories.includes(filters.category) ? [...categories, filters.category] : categories;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">CNCF projects</h1>
      <p className="max-w-3xl text-slate-700">
        The Cloud Native Computing Foundation&apos;s projects, from the list CLOMonitor keeps. TAG Ambassadors liaise
        with them.
      </p>
      <form
        method="get"
        action="/projects"
        role="search"
        aria-label="Projects"
        className="grid items-end gap-4 rounded-xl bg-white p-4 ring-1 ring-slate-200 md:grid-cols-[2fr_1fr_1fr_1fr_auto]"
      >
        <div>
          <label htmlFor="projects-q" className="text-sm font-medium text-slate-900">
            Search
          </label>
          <input
            id="projects-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            maxLength={100}
            placeholder="Name or description"
            className={field}
          />
        </div>
        <div>
          <label htmlFor="projects-maturity" className="text-sm font-medium text-slate-900">
            Maturity
          </label>
          <select id="projects-maturity" name="maturity" defaultValue={filters.maturity ?? ""} className={field}>
            <option value="">Any maturity</option>
            {PROJECT_MATURITIES.map((m) => (
              <option key={m} value={m}>
                {m[0]?.toUpperCase()}
                {m.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="projects-category" className="text-sm font-medium text-slate-900">
            Category
          </label>
          <select id="projects-category" name="category" defaultValue={filters.category} className={field}>
            <option value="">Any category</option>
            {categoryChoices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="projects-sort" className="text-sm font-medium text-slate-900">
            Sort by
          </label>
          <select id="projects-sort" name="sort" defaultValue={filters.sort} className={field}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Show projects
        </button>
      </form>

      <p className="text-sm text-slate-700" data-testid="projects-count">
        {total === 1 ? "1 project" : `${total} projects`}
        {filtered && (total === 1 ? " matches" : " match")}
        {pageCount > 1 && ` · page ${page} of ${pageCount}`}
        {filtered && (
          <>
            {" · "}
            <Link
              href={projectsHref(filters, { q: "", maturity: undefined, category: "", page: 1 })}
              className="text-brand-700 underline"
            >
              Clear filters
            </Link>
          </>
        )}
      </p>

      {projects.length === 0 ? (
        <div className="rounded-xl bg-white p-8 text-center text-slate-700 ring-1 ring-slate-200">
          {filtered ? (
            <p>No project matches these filters. Try fewer words or another maturity or category.</p>
          ) : (
            <p>
              No projects yet. An administrator can import them with{" "}
              <code className="font-mono">npm run projects:import</code>.
            </p>
          )}
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {projects.map((p) => (
            <li key={p.name} className="flex flex-col rounded-xl bg-white p-5 ring-1 ring-slate-200">
              <h2 className="text-lg font-semibold">
                <Link href={`/projects/${encodeURIComponent(p.name)}`} className="text-brand-800 hover:underline">
                  {p.displayName}
                </Link>
              </h2>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-700">
                <MaturityBadge maturity={p.maturity} />
                {p.category && <span>{p.category}</span>}
                {p.acceptedAt && <span>accepted {formatUtcDay(p.acceptedAt)}</span>}
              </p>
              {p.description && <p className="mt-3 line-clamp-3 text-sm text-slate-700">{p.description}</p>}
            </li>
          ))}
        </ul>
      )}

      {pageCount > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link
              href={projectsHref(filters, { page: page - 1 })}
              rel="prev"
              className="rounded-md px-3 py-2 text-brand-700 underline"
            >
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link
              href={projectsHref(filters, { page: page + 1 })}
              rel="next"
              className="rounded-md px-3 py-2 text-brand-700 underline"
            >
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
