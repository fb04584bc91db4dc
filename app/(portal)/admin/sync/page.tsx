import type { Metadata } from "next";
import { Forbidden } from "@/components/forbidden";
import { getActor } from "@/lib/auth/actor";
import { canInAnyTag } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listSyncTags } from "@/lib/github/queries";
import Link from "next/link";
import { ActionForm, type FieldSpec } from "@/components/ui/action-form";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Section, Tile } from "@/components/ui/section";
import { setHelpWantedLabelsAction, startSyncAction } from "./actions";
import { StartSyncButton } from "./_components/start-sync";

export const metadata: Metadata = { title: "GitHub sync" };
export const dynamic = "force-dynamic";

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

/** Admins see every TAG, leads their own: start a sync of the TAG's repositories and follow its runs. */
export default async function SyncPage() {
  await requireUser("/admin/sync");
  const actor = await getActor();
  if (!actor || !canInAnyTag(actor, "github.sync")) return <Forbidden what="GitHub sync" />;
  const tags = await listSyncTags(actor);
  return (
    <div className="space-y-8">
      <PageHeader title="GitHub sync" compact>
        <Lead>
          A sync imports issues, pull requests, reviews and comments by portal members from a TAG&apos;s repositories,
          and offers open issues with the repository&apos;s help-wanted labels to the TAG&apos;s leads as drafts.
          Webhooks keep them current between syncs; running a sync again imports nothing twice.
        </Lead>
      </PageHeader>
      {tags.map((t) => (
        <Section key={t.id} id={`tag-${t.slug}`} title={t.name} className="space-y-3">
          <p className="text-sm text-slate-700">
            Repositories: {t.repositories.length ? t.repositories.join(", ") : "none configured"}
          </p>
          {t.repositories.length > 0 && (
            <StartSyncButton
              action={startSyncAction}
              tagSlug={t.slug}
              tagName={t.name}
              disabled={t.runs.some((r) => r.status === "queued" || r.status === "running")}
            />
          )}
          <p className="text-sm text-slate-700">
            Help-wanted drafts waiting: {t.draftsWaiting}{" "}
            <Link href={`/manage/${t.slug}`} className="text-brand-700 underline">
              Lead console of {t.name}
            </Link>
          </p>
          {t.labels.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer text-brand-700 underline">
                Help-wanted labels of {t.name}&apos;s repositories
              </summary>
              <ul className="mt-2 space-y-3">
                {t.labels.map((r) => (
                  <Tile key={r.repo} className="space-y-1">
                    <p>
                      <span className="font-mono">{r.repo}</span>: {r.labels.join(", ")}
                    </p>
                    <ActionForm
                      action={setHelpWantedLabelsAction}
                      hidden={{ repo: r.repo }}
                      label={`Help-wanted labels of ${r.repo}`}
                      fields={[labelsField(r.repo, r.labels)]}
                      submit={`Save labels of ${r.repo}`}
                    />
                  </Tile>
                ))}
              </ul>
            </details>
          )}
          {t.runs.length === 0 ? (
            <p className="text-sm text-slate-600">No syncs yet.</p>
          ) : (
            <DataTable
              caption={`Recent syncs of ${t.name}`}
              rows={t.runs}

              columns={RUN_COLUMNS}
            />
          )}
        </Section>
      ))}
    </div>
  );
}

type Run = Awaited<ReturnType<typeof listSyncTags>>[number]["runs"][number];

/** Why a run waits or what made it fail. */
function notes(r: Run): string {
  const paused = r.resumeAt && r.status === "queued" ? `Paused by the rate limit until ${when(r.resumeAt)}. ` : "";
  return paused + (r.error && r.status === "failed" ? r.error : "");
}

function labelsField(repo: string, labels: string[]): FieldSpec {
  const hint = "One per line or comma-separated; compared without regard to case.";
  return {
    name: "labels",
    label: `Labels for ${repo}`,
    type: "textarea",
    required: true,
    defaultValue: labels.join("\n"),
    hint,
  };
}

const RUN_COLUMNS: Column<Run>[] = [
  {
    header: "Requested",
    cell: (r) => when(r.createdAt),
    sort: (r) => r.createdAt,
    className: "whitespace-nowrap",
  },
  { header: "State", cell: (r) => r.status, sort: (r) => r.status },
  {
    header: "Progress",
    cell: (r) => (
      <>
        <progress
          max={Math.max(1, r.total)}
          value={r.done}
          aria-label={`Progress of the sync requested ${when(r.createdAt)}`}
          className="w-32"
        />{" "}
        <span>
          {r.done} / {r.total}
        </span>
      </>
    ),
  },
  { header: "Imported", cell: (r) => r.imported, sort: (r) => r.imported },
  { header: "Notes", cell: notes, className: "whitespace-pre-line text-slate-700" },
];
