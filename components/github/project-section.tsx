"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { DateTime } from "@/components/ui/time";

interface Props {
  tagId: string;
  project: { title: string; url: string; linkedAt: string; items: number } | null;
  failed: { id: string; itemId: string; title: string; lastError: string | null; attempts: number }[];
  pending: number;
  link: ServerAction;
  unlink: ServerAction;
}

/**
 * The lead console's project board section (issue 22 point 2): the linked GitHub project, the form
 * that links one (its address, or owner and number), and the Status updates GitHub did not take.
 */
export function ProjectSection({ tagId, project, failed, pending, link, unlink }: Props) {
  return (
    <Section
      id="project-board"
      title="GitHub project board"
      description={
        <>
          Show this TAG&apos;s items on a GitHub project (Projects, not the classic boards) with a single-select field
          named Status whose options are Open, Claimed, In progress and Done. The portal keeps each item&apos;s Status
          in step; moving an item to Done on the board asks you to confirm the work here.
          {pending > 0 && ` ${pending} update${pending === 1 ? "" : "s"} waiting to be sent.`}
        </>
      }
    >
      <div className="mt-3 space-y-4">
        <p className="text-sm text-slate-700">
          {project ? (
            <>
              Linked to{" "}
              <a href={project.url} rel="noopener" className="break-all text-brand-700 underline">
                {project.title}
              </a>{" "}
              since <DateTime iso={project.linkedAt} />, {project.items} item{project.items === 1 ? "" : "s"} on it.
            </>
          ) : (
            "No project linked."
          )}
        </p>
        <ActionForm
          action={link}
          label="Project board"
          hidden={{ tagId }}
          fields={[
            {
              name: "projectUrl",
              label: "Project address",
              type: "url",
              hint: "Like https://github.com/orgs/cncf/projects/1; or leave it blank and give the owner and number.",
            },
            { name: "owner", label: "Owner (organisation or user)" },
            { name: "number", label: "Project number", type: "number" },
          ]}
          submit={project ? "Link another project" : "Link the project"}
          success={(data) => {
            const r = data as { title?: string; items?: number } | null;
            return r?.title ? `Linked "${r.title}": ${r.items ?? 0} items are being added.` : "Project linked.";
          }}
        />
        {project && (
          <ActionForm
            action={unlink}
            hidden={{ tagId }}
            confirm="Stop updating the project board…"
            submit="Unlink the project"
            danger
          />
        )}
        {failed.length > 0 && (
          <div className="space-y-2">
            <h3 className="font-semibold text-red-900">Status updates GitHub did not take ({failed.length})</h3>
            <ul className="space-y-2">
              {failed.map((f) => (
                <li key={f.id} className="rounded-md bg-red-50 p-3 text-sm ring-1 ring-red-200">
                  <a href={`/help-wanted/${f.itemId}`} className="font-medium text-brand-700 underline">
                    {f.title}
                  </a>
                  <p className="text-red-900">
                    {f.lastError ?? "Failed."} Tried {f.attempts} time{f.attempts === 1 ? "" : "s"}; the next change of
                    the item sends it again.
                  </p>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Section>
  );
}
