import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { now } from "@/lib/clock";
import { isChasedOverdue, listLiaisonsOfProject } from "@/lib/liaisons/queries";
import { findProject } from "@/lib/projects/queries";
import { projectsHref, parseProjectFilters } from "@/lib/projects/schemas";
import { MaturityBadge, formatUtcDay } from "../_components/maturity-badge";
import { Day, HealthBadge, OverdueBadge } from "@/components/liaisons/badges";

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
  const [liaisons, at] = await Promise.all([listLiaisonsOfProject(project.name), now()]);
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
                  <Link
                    href={projectsHref(parseProjectFilters({ category: project.category }))}
                    className="text-brand-700 underline"
                  >
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
                {project.acceptedAt ? (
                  <time dateTime={project.acceptedAt.toISOString().slice(0, 10)}>
                    {formatUtcDay(project.acceptedAt)}
                  </time>
                ) : (
                  "Not given"
                )}
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
                  {r.checkSets.length > 0 && (
                    <span className="block text-xs text-slate-600">CLOMonitor checks: {r.checkSets.join(", ")}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="liaisons" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="liaisons" className="font-semibold text-slate-900">
          Liaisons
        </h2>
        {liaisons.length === 0 ? (
          <p className="mt-3 text-sm text-slate-700">No TAG Ambassador liaises with this project yet.</p>
        ) : (
          <ul className="mt-3 space-y-5 text-sm">
            {liaisons.map((l) => (
              <li key={l.id} className="space-y-2">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/people/${l.assignment.user.login}`} className="font-medium text-brand-700 underline">
                    @{l.assignment.user.login}
                  </Link>
                  <span className="text-slate-700">
                    for{" "}
                    <Link href={`/tags/${l.assignment.tag.slug}`} className="text-brand-700 underline">
                      {l.assignment.tag.name}
                    </Link>
                    , checking in every {l.cadenceDays} days
                  </span>
                  {isChasedOverdue(l, at) && <OverdueBadge />}
                  <Link href={`/liaisons/${l.id}`} className="text-brand-700 underline">
                    Liaison page<span className="sr-only"> of @{l.assignment.user.login}</span>
                  </Link>
                </p>
                {l.checkIns.length === 0 ? (
                  <p className="text-slate-600">No check-ins yet.</p>
                ) : (
                  <ol
                    className="space-y-2 border-l-2 border-slate-200 pl-3"
                    aria-label={`Latest check-ins by @${l.assignment.user.login}`}
                  >
                    {l.checkIns.map((c) => (
                      <li key={c.id}>
                        <p className="flex flex-wrap items-center gap-2">
                          <span className="font-medium text-slate-900">
                            <Day date={c.date} />
                          </span>
                          <HealthBadge health={c.health} />
                          {c.link && (
                            <a href={c.link} className="text-brand-700 underline" rel="noopener noreferrer">
                              Link
                              <span className="sr-only">
                                {" "}
                                for the check-in of <Day date={c.date} />
                              </span>
                            </a>
                          )}
                        </p>
                        <p className="line-clamp-3 whitespace-pre-line text-slate-700">{c.notes}</p>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-xs text-slate-600">
        From CLOMonitor&apos;s list of CNCF projects; last changed here on{" "}
        <time dateTime={project.importedAt.toISOString()}>{formatUtcDay(project.importedAt)}</time>.
      </p>
    </div>
  );
}
