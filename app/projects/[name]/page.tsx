import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { now } from "@/lib/clock";
import { isChasedOverdue, listLiaisonsOfProject } from "@/lib/liaisons/queries";
import { findProject } from "@/lib/projects/queries";
import { projectsHref, parseProjectFilters } from "@/lib/projects/schemas";
import { DefinitionItem, DefinitionSection } from "@/components/ui/definition-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { MaturityBadge } from "../_components/maturity-badge";
import { HealthBadge, OverdueBadge } from "@/components/liaisons/badges";
import { DateOnly } from "@/components/ui/time";

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
      <PageHeader title={project.displayName} eyebrow={<span className="font-mono">{project.name}</span>}>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <MaturityBadge maturity={project.maturity} />
          {project.category && <span>{project.category}</span>}
        </p>
        {project.description && <p className="max-w-3xl text-lg text-slate-700">{project.description}</p>}
      </PageHeader>
      <div className="grid gap-4 md:grid-cols-2">
        <DefinitionSection id="facts" title="About" size="base">
          <DefinitionItem term="Maturity">
            <Link href={maturityFilter} className="capitalize text-brand-700 underline">
              {project.maturity}
            </Link>
          </DefinitionItem>
          <DefinitionItem term="Category">
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
          </DefinitionItem>
          <DefinitionItem term="Accepted by the CNCF">
            {project.acceptedAt ? <DateOnly date={project.acceptedAt} /> : "Not given"}
          </DefinitionItem>
          {project.homeUrl && (
            <DefinitionItem term="Website">
              <ExternalLink href={project.homeUrl} />
            </DefinitionItem>
          )}
          {project.devstatsUrl && (
            <DefinitionItem term="DevStats">
              <ExternalLink href={project.devstatsUrl} />
            </DefinitionItem>
          )}
        </DefinitionSection>
        <Section
          id="repositories"
          title="Repositories"
          size="base"
          empty={project.repositories.length === 0 && "No repositories listed."}
        >
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
        </Section>
      </div>
      <Section
        id="liaisons"
        title="Liaisons"
        size="base"
        empty={liaisons.length === 0 && "No TAG Ambassador liaises with this project yet."}
      >
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
                          <DateOnly date={c.date} />
                        </span>
                        <HealthBadge health={c.health} />
                        {c.link && (
                          <a href={c.link} className="text-brand-700 underline" rel="noopener noreferrer">
                            Link
                            <span className="sr-only">
                              {" "}
                              for the check-in of <DateOnly date={c.date} />
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
      </Section>
      <p className="text-xs text-slate-600">
        From CLOMonitor&apos;s list of CNCF projects; last changed here on <DateOnly date={project.importedAt} />.
      </p>
    </div>
  );
}

function ExternalLink({ href }: { href: string }) {
  return (
    <a href={href} className="break-all text-brand-700 underline">
      {href}
    </a>
  );
}
