import type { Metadata } from "next";
import { Forbidden } from "@/components/forbidden";
import { getActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { listSyncTags } from "@/lib/github/queries";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { setHelpWantedLabelsAction, startSyncAction } from "./actions";
import { StartSyncButton } from "./_components/start-sync";

export const metadata: Metadata = { title: "GitHub sync" };
export const dynamic = "force-dynamic";

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

/** Admins see every TAG, leads their own: start a sync of the TAG's repositories and follow its runs. */
export default async function SyncPage() {
  await requireUser("/admin/sync");
  const actor = await getActor();
  if (!actor || (!actor.isAdmin && actor.leadTagIds.length === 0)) return <Forbidden what="GitHub sync" />;
  const tags = await listSyncTags(actor);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">GitHub sync</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          A sync imports issues, pull requests, reviews and comments by portal members from a TAG&apos;s repositories,
          and offers open issues with the repository&apos;s help-wanted labels to the TAG&apos;s leads as drafts.
          Webhooks keep them current between syncs; running a sync again imports nothing twice.
        </p>
      </header>
      {tags.map((t) => {
        const busy = t.runs.some((r) => r.status === "queued" || r.status === "running");
        return (
          <section
            key={t.id}
            aria-labelledby={`tag-${t.slug}`}
            className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-slate-200"
          >
            <h2 id={`tag-${t.slug}`} className="text-xl font-semibold text-slate-900">
              {t.name}
            </h2>
            <p className="text-sm text-slate-700">
              Repositories: {t.repositories.length ? t.repositories.join(", ") : "none configured"}
            </p>
            {t.repositories.length > 0 && (
              <StartSyncButton action={startSyncAction} tagSlug={t.slug} tagName={t.name} disabled={busy} />
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
                    <li key={r.repo} className="space-y-1 rounded-md p-3 ring-1 ring-slate-200">
                      <p>
                        <span className="font-mono">{r.repo}</span>: {r.labels.join(", ")}
                      </p>
                      <ActionForm
                        action={setHelpWantedLabelsAction}
                        hidden={{ repo: r.repo }}
                        label={`Help-wanted labels of ${r.repo}`}
                        fields={[
                          {
                            name: "labels",
                            label: `Labels for ${r.repo}`,
                            type: "textarea",
                            required: true,
                            defaultValue: r.labels.join("\n"),
                            hint: "One per line or comma-separated; compared without regard to case.",
                          },
                        ]}
                        submit={`Save labels of ${r.repo}`}
                      />
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {t.runs.length === 0 ? (
              <p className="text-sm text-slate-600">No syncs yet.</p>
            ) : (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Recent syncs of {t.name}</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">
                      Requested
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      State
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Progress
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Imported
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Notes
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {t.runs.map((r) => (
                    <tr key={r.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3 whitespace-nowrap">{when(r.createdAt)}</td>
                      <td className="py-2 pr-3">{r.status}</td>
                      <td className="py-2 pr-3">
                        <progress
                          max={Math.max(1, r.total)}
                          value={r.done}
                          aria-label={`Progress of the sync requested ${when(r.createdAt)}`}
                          className="w-32"
                        />{" "}
                        <span>
                          {r.done} / {r.total}
                        </span>
                      </td>
                      <td className="py-2 pr-3">{r.imported}</td>
                      <td className="py-2 pr-3 whitespace-pre-line text-slate-700">
                        {r.resumeAt && r.status === "queued"
                          ? `Paused by the rate limit until ${when(r.resumeAt)}. `
                          : ""}
                        {r.error && r.status === "failed" ? r.error : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
