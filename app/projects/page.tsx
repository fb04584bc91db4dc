import type { Metadata } from "next";
import Link from "next/link";
import { listProjectCategories, listProjects } from "@/lib/projects/queries";
import { PROJECT_MATURITIES, parseProjectFilters, projectsHref, type ProjectFilters } from "@/lib/projects/schemas";
import { FilterForm, optionsOf } from "@/components/ui/filter-select";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Card, EmptyState } from "@/components/ui/section";
import { DateOnly } from "@/components/ui/time";
import { MaturityBadge } from "./_components/maturity-badge";

export const metadata: Metadata = { title: "CNCF projects" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<ProjectFilters["sort"], string> = {
  name: "Name (A to Z)",
  newest: "Accepted, newest first",
  oldest: "Accepted, oldest first",
};

const MATURITY_OPTIONS = optionsOf(PROJECT_MATURITIES.map((m) => [m, `${m[0]?.toUpperCase()}${m.slice(1)}`] as const));

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
      <PageHeader title="CNCF projects" compact>
        <Lead>
          The Cloud Native Computing Foundation&apos;s projects, from the list CLOMonitor keeps. TAG Ambassadors liaise
          with them.
        </Lead>
      </PageHeader>
      <FilterForm
        label="Projects"
        action="/projects"
        search
        layout="grid items-end gap-4 md:grid-cols-[2fr_1fr_1fr_1fr_auto]"
        prefix="projects"
        values={filters}
        specs={[
          { name: "q", label: "Search", type: "search", maxLength: 100, placeholder: "Name or description" },
          { name: "maturity", label: "Maturity", all: "Any maturity", options: MATURITY_OPTIONS },
          { name: "category", label: "Category", all: "Any category", options: optionsOf(categoryChoices) },
          { name: "sort", label: "Sort by", options: optionsOf(Object.entries(SORT_LABELS)) },
        ]}
        submit="Show projects"
      />

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
        <EmptyState center>
          {filtered ? (
            <p>No project matches these filters. Try fewer words or another maturity or category.</p>
          ) : (
            <p>
              No projects yet. An administrator can import them with{" "}
              <code className="font-mono">npm run projects:import</code>.
            </p>
          )}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {projects.map((p) => (
            <Card as="li" key={p.name} padding="md" className="flex flex-col">
              <h2 className="text-lg font-semibold">
                <Link href={`/projects/${encodeURIComponent(p.name)}`} className="text-brand-800 hover:underline">
                  {p.displayName}
                </Link>
              </h2>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-700">
                <MaturityBadge maturity={p.maturity} />
                {p.category && <span>{p.category}</span>}
                {p.acceptedAt && (
                  <span>
                    accepted <DateOnly date={p.acceptedAt} />
                  </span>
                )}
              </p>
              {p.description && <p className="mt-3 line-clamp-3 text-sm text-slate-700">{p.description}</p>}
            </Card>
          ))}
        </ul>
      )}

      <Pager
        prev={page > 1 ? { href: projectsHref(filters, { page: page - 1 }), text: "Previous page" } : null}
        middle={`Page ${page} of ${pageCount}`}
        next={page < pageCount ? { href: projectsHref(filters, { page: page + 1 }), text: "Next page" } : null}
      />
    </div>
  );
}
