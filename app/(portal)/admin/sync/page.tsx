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
import { RefreshWhileRunning } from "./_components/refresh-while-running";
import { SYNC_RUN_STATUS_LABEL, UNFINISHED_SYNC_RUN_STATUSES } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "GitHub sync" };
export const dynamic = "force-dynamic";

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

/** Admins see every TAG, leads their own: start a sync of the TAG's repositories and follow its runs. */
export default async function SyncPage() {
  await requireUser("/admin/sync");
  const actor = await getActor();
  if (!actor || !canInAnyTag(actor, "github.sync")) return <Forbidden what="GitHub sync" />;
  const tags = await listSyncTags(actor);
  const runs = tags.flatMap((t) => t.runs);
  // A run paused until later (a rate limit, a retry) needs no refresh every 2 s while it waits.
  const soon = runs.some((r) => r.status === "running" || (r.status === "queued" && !isWaitingLater(r)));
  return (
    <div className="space-y-8">
      <RefreshWhileRunning active={runs.some(isUnfinished)} everyMs={soon ? 2000 : 30_000} />
      <PageHeader title="GitHub sync" compact>
        <Lead>
          A sync imports issues, pull requests, reviews and comments by portal members from a TAG&apos;s repositories,
          and offers open issues with the repository&apos;s help-wanted labels to the TAG&apos;s leads as drafts.
          Webhooks keep them current between syncs; running a sync again imports nothing twice. Every TAG&apos;s
          repositories are also synced once a day; a run that GitHub&apos;s limits pause or that fails for a while
          resumes by itself, and this page follows it as it goes.
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
              disabled={t.runs.some(isUnfinished)}
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

// Compared with the wall clock, as the queue that resumes the run is.
const isWaitingLater = (r: Run) => !!r.resumeAt && r.resumeAt.getTime() > Date.now();
const isUnfinished = (r: Run) => (UNFINISHED_SYNC_RUN_STATUSES as readonly string[]).includes(r.status);

/** Who started a run, why it waits (a rate limit, a failed attempt to retry) or what made it fail. */
function notes(r: Run): string {
  const daily = r.requestedById ? "" : "Daily sync. ";
  if (r.status === "queued" && r.resumeAt) return daily + (r.error ?? `Waiting until ${when(r.resumeAt)}.`);
  return daily + (r.error && r.status === "failed" ? r.error : "");
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
  { header: "State", cell: (r) => SYNC_RUN_STATUS_LABEL[r.status], sort: (r) => r.status },
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
