import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { GithubIssueStatus } from "@/components/github-issue-status";
import { Markdown } from "@/components/markdown";
import { DateOnly, DateTime } from "@/components/ui/time";
import { DefinitionItem, DefinitionSection } from "@/components/ui/definition-list";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { PersonLink } from "@/components/ui/person-link";
import { LogEntry, Section, Subsection } from "@/components/ui/section";
import { UserLink } from "@/components/ui/user-link";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { getItemView } from "@/lib/help-wanted/item-view";
import { ITEM_KIND_LABEL } from "@/lib/vocabulary";
import { findPeopleForItem } from "@/lib/matching/queries";
import {
  closeItemAction,
  confirmCompletionAction,
  decideClaimAction,
  discardDraftAction,
  releaseClaimAction,
  reportTextAction,
  sendFollowUpAction,
  signOffShadowAction,
  volunteerAction,
} from "./actions";
import { CloseItemForm } from "@/components/help-wanted/close-item-form";
import { PendingRequest } from "@/components/help-wanted/request-decision";
import { ActionForm } from "@/components/ui/action-form";
import { CLAIM_STATUS, StaleBadge } from "./_components/claim-status";
import { EditProgress, MyClaim, ProgressForm } from "./_components/my-claim";
import { progressEditable } from "@/lib/help-wanted/schemas";
import { hiddenTexts } from "@/lib/reports/queries";
import { HiddenTextNotice, ReportText } from "@/components/reports/report-text";
import { Suggestions } from "./_components/suggestions";
import { GithubWrites } from "./_components/github-writes";
import { itemGithubWrites } from "@/lib/github/queries";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ posted?: string }> };

// One view per request: the metadata and the page ask the same question of lib/help-wanted.
const load = cache(async (id: string) => getItemView(id, await getActor(), await now()));

/** A draft's title stays out of `<title>` for whoever may not see the draft (it is a 404 for them). */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load((await params).id);
  if (!view) return { title: "Item not found" };
  // A title its TAG's leads hid never reaches a tab, a bookmark or a link preview.
  return { title: (await hiddenTexts("item", [view.item.id])).size ? HIDDEN_TITLE : view.item.title };
}

const HIDDEN_TITLE = "An item hidden by its TAG's leads";

const HISTORY: Record<string, string> = {
  "help-wanted.create": "posted the item",
  "help-wanted.draft": "offered the GitHub issue as a draft",
  "help-wanted.publish": "published the draft",
  "help-wanted.discard": "discarded the draft",
  "help-wanted.update": "edited the item",
  "help-wanted.close": "closed the item",
  "help-wanted.review": "kept the item in a board review",
  "claim.request": "volunteered",
  "claim.accept": "accepted a volunteer",
  "claim.decline": "declined a volunteer",
  "claim.withdraw": "withdrew",
  "claim.release": "released a volunteer",
  "claim.progress": "posted progress",
  "claim.progress-edit": "edited a progress update",
  "claim.follow-up": "followed up",
  "claim.done": "marked work done",
  "claim.complete": "confirmed a completion",
  "claim.invite": "invited someone",
  "claim.accept-invitation": "accepted an invitation",
  "claim.decline-invitation": "declined an invitation",
  "github.issue-create": "asked for the item's GitHub issue to be created",
  "github.issue-reopened": "reopened the GitHub issue, which reopened the work here",
};

export default async function ItemPage({ params, searchParams }: Props) {
  const { id } = await params;
  const [view, actor, at, sp] = await Promise.all([load(id), getActor(), now(), searchParams]);
  if (!view) notFound();
  const { item, unpublished, myLive, myPast, requests, held, people, loginOf, updates, placesLeft, invited } = view;
  const { lead: mayLead, edit: mayEdit, invite: mayInvite } = view.may;
  const [hiddenItem, hiddenUpdates] = await Promise.all([
    hiddenTexts("item", [item.id]),
    hiddenTexts(
      "update",
      updates.map((u) => u.id),
    ),
  ]);
  const mayReport = !unpublished && can(actor, "text.report");
  const github = mayEdit ? await itemGithubWrites(item.id) : null;
  // The reverse match (issue 9): who could do this, for the TAG's leads while a place is open.
  const suggested =
    mayInvite && item.status === "open" ? await findPeopleForItem(actor, item.id, { now: at, limit: 8 }) : [];
  const closed = item.status === "closed";
  const draft = item.status === "draft";

  return (
    <div className="space-y-8">
      {sp.posted === "1" && <Notice role="status">Item posted. It is on the board now.</Notice>}
      <PageHeader
        eyebrow={
          <Link href="/help-wanted" className="text-brand-700 underline">
            Help wanted
          </Link>
        }
        title={hiddenItem.has(item.id) && !mayEdit ? HIDDEN_TITLE : item.title}
      >
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span
            className={`rounded-full px-3 py-1 font-medium ring-1 ${closed ? "bg-slate-100 text-slate-800 ring-slate-300" : "bg-green-50 text-green-900 ring-green-200"}`}
          >
            Status: {view.status}
          </span>
          <ul aria-label="Labels" className="flex flex-wrap gap-2">
            <li className="rounded-full bg-brand-50 px-3 py-1 font-mono text-brand-800 ring-1 ring-brand-100">
              help-wanted
            </li>
            {item.tags.map((t) => (
              <li
                key={t.id}
                className="rounded-full bg-brand-50 px-3 py-1 font-mono text-brand-800 ring-1 ring-brand-100"
              >
                tag-{t.slug}
              </li>
            ))}
            {item.labels.map((l) => (
              <li key={l} className="rounded-full bg-amber-50 px-3 py-1 text-amber-900 ring-1 ring-amber-200">
                {l}
              </li>
            ))}
          </ul>
        </div>
        {closed && item.closedReason && item.closedReason !== "done" && (
          <p className="text-slate-700">
            {unpublished ? "Discarded" : "Closed"}: {item.closedReason}
          </p>
        )}
        {item.status === "draft" && (
          <Notice role="note" tone="warning">
            A draft offered from a GitHub issue labelled help wanted: only the TAG&apos;s leads see it until one
            publishes it.
          </Notice>
        )}
        {mayEdit && !closed && (
          <p>
            <Link href={`/help-wanted/${item.id}/edit`} className="text-brand-700 underline">
              {item.status === "draft" ? "Edit and publish" : "Edit item"}
            </Link>
          </p>
        )}
      </PageHeader>

      <div className="grid gap-6 lg:grid-cols-3">
        <article className="space-y-6 lg:col-span-2" aria-labelledby="about-item">
          <Section id="about-item" title="What is needed">
            <div className="mt-3">
              {hiddenItem.has(item.id) ? (
                <HiddenTextNotice reason={hiddenItem.get(item.id)!} />
              ) : item.body ? (
                <>
                  <Markdown>{item.body}</Markdown>
                  {mayReport && <ReportText kind="item" id={item.id} action={reportTextAction} />}
                </>
              ) : (
                <p className="text-slate-600">No description.</p>
              )}
            </div>
          </Section>

          <Section id="updates" title="Updates">
            {updates.length === 0 ? (
              <p className="mt-2 text-slate-600">No updates yet.</p>
            ) : (
              <ol className="mt-3 space-y-4">
                {updates.map((u) => (
                  <LogEntry
                    key={u.id}
                    meta={
                      <>
                        {u.kind === "progress"
                          ? `Progress from @${u.volunteer}`
                          : `Follow-up from ${u.authorId && loginOf.has(u.authorId) ? `@${loginOf.get(u.authorId)}` : "a TAG lead"} to @${u.volunteer}`}{" "}
                        · <DateTime iso={u.createdAt.toISOString()} />
                        {u.editedAt && " · edited"}
                      </>
                    }
                  >
                    {hiddenUpdates.has(u.id) ? (
                      <HiddenTextNotice reason={hiddenUpdates.get(u.id)!} />
                    ) : (
                      <Markdown>{u.body}</Markdown>
                    )}
                    {u.link && !hiddenUpdates.has(u.id) && (
                      <p className="text-sm">
                        Link: <UserLink href={u.link} />
                      </p>
                    )}
                    {u.kind === "progress" && actor && u.authorId === actor.id && progressEditable(u.createdAt, at) && (
                      <EditProgress update={u} />
                    )}
                    {mayReport && !hiddenUpdates.has(u.id) && u.authorId !== actor?.id && (
                      <ReportText kind="update" id={u.id} action={reportTextAction} />
                    )}
                  </LogEntry>
                ))}
              </ol>
            )}
            {myLive?.status === "accepted" && (
              <div className="mt-6 border-t border-slate-200 pt-4">
                <ProgressForm claimId={myLive.id} githubIssue={Boolean(item.githubIssueUrl)} />
              </div>
            )}
          </Section>
        </article>

        <aside className="space-y-6">
          <DefinitionSection id="details" title="Details" size="lg">
            <DefinitionItem term="Kind">{ITEM_KIND_LABEL[item.kind]}</DefinitionItem>
            <DefinitionItem term="TAGs">
              {item.tags.map((t, i) => (
                <span key={t.id}>
                  {i > 0 && ", "}
                  <Link href={`/tags/${t.slug}`} className="text-brand-700 underline">
                    {t.name}
                  </Link>
                </span>
              ))}
            </DefinitionItem>
            <DefinitionItem term="Skills">{item.skills.length ? item.skills.join(", ") : "Any"}</DefinitionItem>
            <DefinitionItem term="Effort">
              {item.effortHours ? `${item.effortHours} hours` : "Not estimated"}
            </DefinitionItem>
            <DefinitionItem term="Region">
              {[item.region, item.timezone].filter(Boolean).join(", ") || "Any"}
            </DefinitionItem>
            <DefinitionItem term="Due">{item.dueAt ? <DateOnly date={item.dueAt} /> : "No due date"}</DefinitionItem>
            <DefinitionItem term="Places left">
              {placesLeft} of {item.places}
            </DefinitionItem>
            {item.githubIssueUrl && (
              <DefinitionItem term="GitHub issue">
                <a href={item.githubIssueUrl} rel="nofollow noopener" className="text-brand-700 underline">
                  {item.githubIssueTitle ?? item.githubIssueUrl.replace("https://github.com/", "")}
                </a>
                {item.githubIssueState && <span className="ml-1 text-slate-600">({item.githubIssueState})</span>}
                <GithubIssueStatus
                  state={item.githubIssueState}
                  assignees={item.githubIssueAssignees}
                  className="mt-1 flex"
                />
              </DefinitionItem>
            )}
            {item.initiative && <DefinitionItem term="Initiative">{item.initiative.name}</DefinitionItem>}
            {item.kind === "shadow" && (
              <DefinitionItem term="Mentor">
                {item.shadowMentor ? `@${item.shadowMentor.login}` : "None"}
                {item.shadowStep && `, whose sign-off counts toward “${item.shadowStep}”`}
              </DefinitionItem>
            )}
          </DefinitionSection>
          {actor && item.shadowMentor?.id === actor.id && (
            <ShadowSignOffs
              step={item.shadowStep ?? ""}
              volunteers={people.filter((c) => ["accepted", "done", "completed"].includes(c.status))}
              signedOff={new Set(item.shadowSignOffs.map((s) => s.userId))}
            />
          )}

          <Section id="take-part" title="Take part" size="lg" className="space-y-4">
            {!actor ? (
              <p>
                <Link
                  href={`/sign-in?callbackUrl=${encodeURIComponent(`/help-wanted/${item.id}`)}`}
                  className="text-brand-700 underline"
                >
                  Sign in to volunteer
                </Link>
              </p>
            ) : myLive ? (
              <MyClaim claim={myLive} title={item.title} stale={myLive.stale} />
            ) : item.status === "open" ? (
              <ActionForm
                action={volunteerAction}
                hidden={{ itemId: item.id }}
                fields={[
                  {
                    name: "message",
                    label: "Message to the TAG leads",
                    type: "textarea",
                    hint: "Optional: why you, and when you can start.",
                  },
                ]}
                submit="Volunteer"
              />
            ) : (
              <p className="text-slate-700">
                {closed
                  ? "This item is closed."
                  : item.status === "draft"
                    ? "Volunteers can offer once a lead publishes this draft."
                    : "All places are taken."}
              </p>
            )}
            {myPast.map((c) => (
              <p key={c.id} className="text-sm text-slate-600">
                Your earlier offer: {CLAIM_STATUS[c.status]}.
              </p>
            ))}
          </Section>

          <Section id="people" title="Volunteers" size="lg">
            {people.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Nobody yet.</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {people.map((c) => (
                  <li key={c.id}>
                    <PersonLink login={c.user.login} /> <span className="text-slate-700">{CLAIM_STATUS[c.status]}</span>{" "}
                    {c.stale && <StaleBadge />}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </aside>
      </div>

      {mayLead && (
        <Section id="lead-tools" title="For the TAG's leads" className="space-y-6">
          <p className="flex flex-wrap gap-4 text-sm">
            {item.tags
              .filter((t) => can(actor, "help-wanted.decide", t.id))
              .map((t) => (
                <Link key={t.id} href={`/manage/${t.slug}`} className="text-brand-700 underline">
                  Lead console of {t.name}
                </Link>
              ))}
          </p>
          <Subsection title="Requests" empty={requests.length === 0 && "No open requests."}>
            <ul className="space-y-4">
              {requests.map((c) => (
                <PendingRequest key={c.id} claim={c} decide={decideClaimAction} />
              ))}
            </ul>
          </Subsection>
          {mayInvite && (
            <Subsection title="Invitations" empty={invited.length === 0 && "Nobody is invited right now."}>
              <ul className="space-y-1 text-sm">
                {invited.map((c) => (
                  <li key={c.id}>
                    <PersonLink login={c.user.login} />{" "}
                    <span className="text-slate-700">
                      invited <DateTime iso={c.createdAt.toISOString()} />, no answer yet
                    </span>
                  </li>
                ))}
              </ul>
            </Subsection>
          )}
          {mayInvite && item.status === "open" && <Suggestions itemId={item.id} people={suggested} />}
          <Subsection title="Held claims" empty={held.length === 0 && "Nobody holds a place."}>
            <ul className="space-y-4">
              {held.map((c) => (
                <li key={c.id} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
                  <p>
                    <span className="font-medium">@{c.user.login}</span>{" "}
                    <span className="text-slate-700">{CLAIM_STATUS[c.status]}</span>
                    {c.stale && <StaleBadge />}
                    <span className="block text-sm text-slate-600">
                      Last activity <DateTime iso={c.lastActivityAt.toISOString()} />
                    </span>
                  </p>
                  {c.status === "done" && (
                    <div className="space-y-2">
                      {c.evidenceUrl && (
                        <p className="text-sm">
                          Evidence: <UserLink href={c.evidenceUrl} />
                        </p>
                      )}
                      <ActionForm
                        action={confirmCompletionAction}
                        hidden={{ claimId: c.id }}
                        submit={`Confirm completion by @${c.user.login}`}
                      />
                    </div>
                  )}
                  <ActionForm
                    action={sendFollowUpAction}
                    hidden={{ claimId: c.id }}
                    label={`Follow up with @${c.user.login}`}
                    fields={[
                      {
                        name: "body",
                        label: `Follow-up to @${c.user.login}`,
                        type: "textarea",
                        required: true,
                        hint: "The volunteer is notified.",
                      },
                    ]}
                    submit="Send follow-up"
                  />
                  <ActionForm
                    action={releaseClaimAction}
                    hidden={{ claimId: c.id }}
                    confirm={`Release @${c.user.login}…`}
                    submit={`Yes, release @${c.user.login}`}
                    danger
                  />
                </li>
              ))}
            </ul>
          </Subsection>
          {github && (
            <GithubWrites
              itemId={item.id}
              linked={Boolean(item.githubIssueUrl)}
              open={item.status === "open" || item.status === "filled"}
              repositories={github.repositories}
              writes={github.writes}
            />
          )}
          {!closed && (
            <Subsection title={draft ? "Discard the draft" : "Close the item"}>
              <CloseItemForm action={draft ? discardDraftAction : closeItemAction} itemId={item.id} draft={draft} />
            </Subsection>
          )}
        </Section>
      )}

      <Section id="history" title="History">
        <ol className="mt-3 space-y-1 text-sm text-slate-700">
          {item.history.map((h) => (
            <li key={h.id}>
              <DateTime iso={h.at.toISOString()} />: {h.actorLogin ? `@${h.actorLogin}` : "Someone"}{" "}
              {HISTORY[h.action] ?? h.action}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}

/** The mentor a shadowing item names signs off its accepted volunteers for the item's ladder step. */
function ShadowSignOffs(props: {
  step: string;
  volunteers: { id: string; userId: string; user: { login: string } }[];
  signedOff: ReadonlySet<string>;
}) {
  return (
    <Section id="shadow-sign-off" title={`Sign off for “${props.step}”`} size="lg" className="space-y-3">
      {props.volunteers.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody accepted yet.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {props.volunteers.map((c) => (
            <li key={c.id}>
              {props.signedOff.has(c.userId) ? (
                <p>@{c.user.login}: signed off.</p>
              ) : (
                <ActionForm
                  action={signOffShadowAction}
                  hidden={{ claimId: c.id }}
                  label={`Sign off @${c.user.login}`}
                  submit={`Sign off @${c.user.login}`}
                  compact
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
