import type { Metadata } from "next";
import { Forbidden } from "@/components/forbidden";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { githubAppOverview } from "@/lib/github/app/installations";
import { rosterPullSetting } from "@/lib/github/roster-pulls";
import { ActionForm } from "@/components/ui/action-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Notice } from "@/components/ui/notice";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Section, Tile } from "@/components/ui/section";
import { mapRepositoryAction } from "./actions";

export const metadata: Metadata = { title: "GitHub App" };
export const dynamic = "force-dynamic";

/** Admins see the GitHub App's installations and their repositories, and map each repository to a TAG. */
export default async function GithubAppPage() {
  await requireUser("/admin/github");
  const actor = await getActor();
  if (!can(actor, "tag.manage")) return <Forbidden what="the GitHub App settings" />;
  const view = await githubAppOverview(actor);
  const roster = rosterPullSetting();
  const tagOptions = [["", "No TAG"] as const, ...view.tags.map((t) => [t.slug, t.name] as const)];
  return (
    <div className="max-w-4xl space-y-8">
      <Breadcrumbs trail={[{ href: "/admin", label: "Admin" }]} current="GitHub App" />
      <PageHeader title="GitHub App" compact>
        <Lead>
          With the GitHub App installed on an organisation or on some repositories, GitHub sends their events to the
          portal and the App&apos;s installation tokens make the portal&apos;s calls to GitHub. Map each repository to
          the TAG whose work it holds: syncs and webhooks take in only mapped repositories.
        </Lead>
      </PageHeader>
      {view.error && (
        <Notice tone="error" role="alert">
          {view.error}
        </Notice>
      )}
      {!view.configured && (
        <Notice tone="warning" role="note">
          The GitHub App is not configured: the portal uses a personal access token and per-repository webhooks (token
          mode). Set GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_WEBHOOK_SECRET to use the App.
        </Notice>
      )}
      <p className="text-sm text-slate-700">
        Roster changes as pull requests:{" "}
        {roster ? (
          <>
            on, to <span className="font-mono">{roster.file}</span> in <span className="font-mono">{roster.repo}</span>
          </>
        ) : (
          "off (set ROSTER_PULL_REQUEST_REPO to turn them on)"
        )}
        .
      </p>
      {view.configured && view.installations.length === 0 && (
        <p className="text-slate-700">No installations yet: install the App on an organisation or on repositories.</p>
      )}
      {view.installations.map((i) => (
        <Section
          key={i.id}
          id={`installation-${i.id}`}
          title={`Installation on ${i.account}`}
          count={i.repositories.length}
          empty="This installation holds no repositories."
        >
          <ul className="space-y-3">
            {i.repositories.map((r) => (
              <Tile key={r.repo} className="flex flex-wrap items-end justify-between gap-3">
                <p className="font-mono break-all">{r.repo}</p>
                <ActionForm
                  action={mapRepositoryAction}
                  hidden={{ repo: r.repo }}
                  label={`TAG of ${r.repo}`}
                  fields={[
                    { name: "tagSlug", label: `TAG of ${r.repo}`, options: tagOptions, defaultValue: r.tagSlug ?? "" },
                  ]}
                  submit={`Save TAG of ${r.repo}`}
                  compact
                  inline
                />
              </Tile>
            ))}
          </ul>
        </Section>
      ))}
    </div>
  );
}
