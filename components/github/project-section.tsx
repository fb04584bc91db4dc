"use client";

import { IntegrationSection } from "@/components/integrations/integration-section";
import type { ServerAction } from "@/components/ui/form";
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
    <IntegrationSection
      id="project-board"
      title="GitHub project board"
      description={
        <>
          Show this TAG&apos;s items on a GitHub project (Projects, not the classic boards) with a single-select field
          named Status whose options are Open, Claimed, In progress and Done. The portal keeps each item&apos;s Status
          in step; moving an item to Done on the board asks you to confirm the work here.
        </>
      }
      pending={{ count: pending, noun: "update" }}
      connected={
        project ? (
          <>
            Linked to{" "}
            <a href={project.url} rel="noopener" className="break-all text-brand-700 underline">
              {project.title}
            </a>{" "}
            since <DateTime iso={project.linkedAt} />, {project.items} item{project.items === 1 ? "" : "s"} on it.
          </>
        ) : (
          "No project linked."
        )
      }
      tagId={tagId}
      disconnect={
        project && { action: unlink, confirm: "Stop updating the project board…", submit: "Unlink the project" }
      }
      failedHeading="Status updates GitHub did not take"
      failed={failed.map((f) => ({
        ...f,
        what: (
          <a href={`/help-wanted/${f.itemId}`} className="font-medium text-brand-700 underline">
            {f.title}
          </a>
        ),
        after: "; the next change of the item sends it again.",
      }))}
      connect={{
        action: link,
        label: "Project board",
        fields: [
          {
            name: "projectUrl",
            label: "Project address",
            type: "url",
            hint: "Like https://github.com/orgs/cncf/projects/1; or leave it blank and give the owner and number.",
          },
          { name: "owner", label: "Owner (organisation or user)" },
          { name: "number", label: "Project number", type: "number" },
        ],
        submit: project ? "Link another project" : "Link the project",
        success: (data) => {
          const r = data as { title?: string; items?: number } | null;
          return r?.title ? `Linked "${r.title}": ${r.items ?? 0} items are being added.` : "Project linked.";
        },
      }}
    />
  );
}
