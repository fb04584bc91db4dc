import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findProject } from "@/lib/projects/queries";
import { projectsHref, parseProjectFilters } from "@/lib/projects/schemas";
import { MaturityBadge, formatUtcDay } from "../_components/maturity-badge";

type Props = { params: Promise<{ name: string }> };

export const dynamic = "force-dynamic";

// One lookup per request, shared by the metadata and the page.
const load = cache(findProject);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = await load((await params).name);
  return { title: project?.displayName ?? "Project not found" };
}

/** One CNCF project: what it is, its maturity and its repositories. */
export default async function ProjectPage({ params }: Props) {
  const project = await load((await params).name);
  if (!project) notFound();
  const maturityFilter = projectsHref(parseProjectFilters({ maturity: project.maturity }));
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/projects" className="text-brand-700 underline">
          All CNCF projects
        </Link>
      </p>
      <header>
        <p className="font-mono text-sm text-slate-600">{project.name}</p>
        <h1 className="text-3xl font-bold text-brand-800">{project.displayName}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <MaturityBadge maturity={project.maturity} />
          {project.category && <span>{project.category}</span>}
        </p>
        {project.description && <p className="mt-3 max-w-3xl text-lg text-slate-700">{project.description}</p>}
      </header>
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="facts" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <h2 id="facts" className="font-semibold text-slate-900">
            About
          </h2>
          <dl className="mt-3 space-y-3 text-sm">
            <div>
              <dt className="font-medium text-slate-900">Maturity</dt>
              <dd className="capitalize text-slate-700">
                <Link href={maturityFilter} className="text-brand-700 underline">
                  {project.maturity}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-900">Category</dt>
              <dd className="text-slate-700">
                {project.category ? (
                  <Link href={projectsHref(parseProjectFilters({ category: project.category }))} className="text-brand-700 underline">
                    {project.category}
                  </Link>
                ) : (
                  "Not given"
                )}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-900">Accepted by the CNCF</dt>
              <dd className="text-slate-700">
                {project.acceptedAt ? <time dateTime={project.acceptedAt.toISOString().slice(0, 10)}>{formatUtcDay(project.acceptedAt)}</time> : "Not given"}
              </dd>
            </div>
            {project.homeUrl && (
              <div>
                <dt className="font-medium text-slate-900">Website</dt>
                <dd>
                  <a href={project.homeUrl} className="break-all text-brand-700 underline">
                    {project.homeUrl}
                  </a>
                </dd>
              </div>
            )}
            {project.devstatsUrl && (
              <div>
                <dt className="font-medium text-slate-900">DevStats</dt>
                <dd>
                  <a href={project.devstatsUrl} className="break-all text-brand-700 underline">
                    {project.devstatsUrl}
                  </a>
                </dd>
              </div>
            )}
          </dl>
        </section>
        <section aria-labelledby="repositories" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <h2 id="repositories" className="font-semibold text-slate-900">
            Repositories
          </h2>
          {project.repositories.length === 0 ? (
            <p className="mt-3 text-sm text-slate-700">No repositories listed.</p>
          ) : (
            <ul className="mt-3 space-y-3 text-sm">
              {project.repositories.map((r) => (
                <li key={`${r.name} ${r.url}`}>
                  <a href={r.url} className="font-medium text-brand-700 underline">
                    {r.name}
                  </a>
                  <span className="block break-all font-mono text-xs text-slate-600">{r.url}</span>
                  {r.checkSets.length > 0 && <span className="block text-xs text-slate-600">CLOMonitor checks: {r.checkSets.join(", ")}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p className="text-xs text-slate-600">
        From CLOMonitor&apos;s list of CNCF projects; last changed here on <time dateTime={project.importedAt.toISOString()}>{formatUtcDay(project.importedAt)}</time>.
      </p>
    </div>
  );
}
