import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getItem } from "@/lib/help-wanted/queries";
import { listTagChoices } from "@/lib/help-wanted/review";
import { isoDay } from "@/lib/vocabulary";
import { ItemForm } from "@/components/help-wanted/item-form";
import { GithubIssueStatus } from "@/components/github-issue-status";
import { publishDraftAction, updateItemAction } from "@/app/help-wanted/[id]/actions";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Edit help-wanted item" };

/** Editing an item; for a draft offered from GitHub, the same form publishes it. */

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/help-wanted/${id}/edit`);
  const [item, actor, tags] = await Promise.all([getItem(id), getActor(), listTagChoices()]);
  if (!item) notFound();
  if (!item.tags.some((t) => can(actor, "help-wanted.create", t.id))) return <Forbidden what="editing this item" />;
  // The item's own TAGs stay listed (the server keeps the check per TAG); others only where the person may post.
  const choices = tags.filter((t) => item.tags.some((x) => x.id === t.id) || can(actor, "help-wanted.create", t.id));
  const draft = item.status === "draft";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <Breadcrumbs
          trail={[
            { href: "/help-wanted", label: "Help wanted" },
            { href: `/help-wanted/${item.id}`, label: item.title },
          ]}
          current={draft ? "Publish" : "Edit"}
        />
        <h1 className="text-3xl font-bold text-brand-800">
          {draft ? "Publish" : "Edit"} “{item.title}”
        </h1>
        {draft && (
          <div className="mt-3 space-y-1 rounded-md bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-200">
            <p>
              This draft was offered from{" "}
              {item.githubIssueUrl ? (
                <a href={item.githubIssueUrl} rel="nofollow noopener" className="underline">
                  {item.githubIssueUrl.replace("https://github.com/", "")}
                </a>
              ) : (
                "a GitHub issue"
              )}
              . Check the title, kind, skills and effort, then publish it to the board.
            </p>
            <GithubIssueStatus state={item.githubIssueState} assignees={item.githubIssueAssignees} />
          </div>
        )}
      </header>
      <ItemForm
        action={draft ? publishDraftAction : updateItemAction}
        itemId={item.id}
        tags={choices.map(({ slug, name }) => ({ slug, name }))}
        submit={draft ? "Publish to the board" : "Save changes"}
        initial={{
          title: item.title,
          body: item.body,
          tags: item.tags.map((t) => t.slug),
          kind: item.kind,
          skills: item.skills.join(", "),
          effortHours: item.effortHours?.toString() ?? "",
          region: item.region ?? "",
          timezone: item.timezone ?? "",
          dueAt: item.dueAt ? isoDay(item.dueAt) : "",
          places: String(item.places),
          labels: item.labels,
          githubIssueUrl: item.githubIssueUrl ?? "",
          mentor: item.shadowMentor?.login ?? "",
          step: item.shadowStep ?? "",
        }}
      />
    </div>
  );
}
