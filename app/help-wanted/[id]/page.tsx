import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { GithubIssueStatus } from "@/components/github-issue-status";
import { Markdown } from "@/components/markdown";
import { Badge, StaleBadge } from "@/components/ui/badge";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { LogEntry, Section, Tile } from "@/components/ui/section";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { getItem, isStale, isUnpublished } from "@/lib/help-wanted/queries";
import { KIND_LABEL } from "@/lib/help-wanted/schemas";
import { findPeopleForItem, type SuggestedPerson } from "@/lib/matching/queries";
import {
  answerInvitationAction,
  closeItemAction,
  confirmCompletionAction,
  decideClaimAction,
  discardDraftAction,
  inviteAction,
  markDoneAction,
  postProgressAction,
  releaseClaimAction,
  sendFollowUpAction,
  volunteerAction,
  withdrawClaimAction,
} from "./actions";
import { PendingRequest } from "@/components/help-wanted/request-decision";
import { ActionForm } from "@/components/ui/action-form";
import { InvitationAnswer } from "@/components/help-wanted/invitation-answer";
import { MatchReasons } from "@/components/help-wanted/match-reasons";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ posted?: string }> };

const load = cache(getItem);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).id);
  return { title: item?.title ?? "Item not found" };
}

const LIVE = new Set(["invited", "requested", "accepted", "done"]);
const CLAIM_STATUS: Record<string, string> = {
  invited: "invited",
  requested: "asked to help",
  accepted: "working on it",
  done: "done, awaiting confirmation",
  completed: "completed",
  declined: "declined",
  withdrawn: "withdrew",
  released: "released",
};
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
  "claim.follow-up": "followed up",
  "claim.done": "marked work done",
  "claim.complete": "confirmed a completion",
  "claim.invite": "invited someone",
  "claim.accept-invitation": "accepted an invitation",
  "claim.decline-invitation": "declined an invitation",
};

function statusText(item: { status: string; closedReason: string | null; source: string; reviewedAt: Date | null }) {
  if (item.status !== "closed") return { open: "Open", filled: "Filled", draft: "Draft" }[item.status] ?? item.status;
  return item.closedReason === "done"
    ? "Done (closed)"
    : item.source === "github" && item.reviewedAt === null
      ? "Discarded draft"
      : "Closed";
}

export default async function ItemPage({ params, searchParams }: Props) {
  const { id } = await params;
  const [item, actor, at, sp] = await Promise.all([load(id), getActor(), now(), searchParams]);
  if (!item) notFound();
  const mayLead = item.tags.some((t) => can(actor, "help-wanted.decide", t.id));
  const mayEdit = item.tags.some((t) => can(actor, "help-wanted.create", t.id));
  const mayInvite = item.tags.some((t) => can(actor, "help-wanted.invite", t.id));
  // Drafts (imported, not yet published) and discarded drafts are for the TAG's leads only.
  const unpublished = isUnpublished(item);
  if (unpublished && !mayEdit) notFound();
  // An item shared by several TAGs goes stale by the strictest of their settings.
  const staleAfterDays = item.tags.length ? Math.min(...item.tags.map((t) => t.staleAfterDays)) : 21;
  const mine = actor ? item.claims.filter((c) => c.userId === actor.id) : [];
  const myLive = mine.find((c) => LIVE.has(c.status));
  const requests = item.claims.filter((c) => c.status === "requested");
  const held = item.claims.filter((c) => c.status === "accepted" || c.status === "done");
  const people = item.claims.filter((c) => ["accepted", "done", "completed"].includes(c.status));
  const loginOf = new Map<string, string>([
    ...item.history.flatMap((h) => (h.actorId && h.actorLogin ? [[h.actorId, h.actorLogin] as const] : [])),
    ...item.claims.map((c) => [c.userId, c.user.login] as const),
  ]);
  const updates = item.claims
    .flatMap((c) => c.updates.map((u) => ({ ...u, volunteer: c.user.login })))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const placesLeft = Math.max(0, item.places - item.placesTaken);
  const invited = item.claims.filter((c) => c.status === "invited");
  // The reverse match (issue 9): who could do this, for the TAG's leads while a place is open.
  const suggested =
    mayInvite && item.status === "open" ? await findPeopleForItem(actor, item.id, { now: at, limit: 8 }) : [];
  const closed = item.status === "closed";
  const draft = item.status === "draft";

  return (
    <div className="space-y-8">
      {sp.posted === "1" && <Notice role="status">Item posted. It is on the board now.</Notice>}
      <PageHeader
        title={item.title}
        eyebrow={
          <Link href="/help-wanted" className="text-brand-700 underline">
            Help wanted
          </Link>
        }
      >
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span
            className={`rounded-full px-3 py-1 font-medium ring-1 ${closed ? "bg-slate-100 text-slate-800 ring-slate-300" : "bg-green-50 text-green-900 ring-green-200"}`}
          >
            Status: {statusText(item)}
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
          <Notice tone="warning" role="note">
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
          <Section id="about-item" title="What is needed" empty={!item.body && "No description."}>
            <div className="mt-3">
              <Markdown>{item.body}</Markdown>
            </div>
          </Section>

          <Section id="updates" title="Updates" empty={updates.length === 0 && "No updates yet."}>
            <ol className="mt-3 space-y-4">
              {updates.map((u) => (
                <LogEntry
                  key={u.id}
                  meta={
                    <>
                      {u.kind === "progress"
                        ? `Progress from @${u.volunteer}`
                        : `Follow-up from ${u.authorId && loginOf.has(u.authorId) ? `@${loginOf.get(u.authorId)}` : "a TAG lead"} to @${u.volunteer}`}{" "}
                      · <LocalTime iso={u.createdAt.toISOString()} />
                    </>
                  }
                >
                  <Markdown>{u.body}</Markdown>
                  {u.link && (
                    <p className="text-sm">
                      Link:{" "}
                      <a href={u.link} rel="nofollow ugc noopener" className="text-brand-700 underline">
                        {u.link}
                      </a>
                    </p>
                  )}
                </LogEntry>
              ))}
            </ol>
          </Section>
        </article>

        <aside className="space-y-6">
          <Section id="details" title="Details" size="lg">
            <DefinitionList className="mt-3">
              <DefinitionItem term="Kind">{KIND_LABEL[item.kind]}</DefinitionItem>
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
              <DefinitionItem term="Due">
                {item.dueAt ? <LocalTime iso={item.dueAt.toISOString()} /> : "No due date"}
              </DefinitionItem>
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
            </DefinitionList>
          </Section>

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
              <MyClaim claim={myLive} title={item.title} stale={isStale(myLive, staleAfterDays, at)} />
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
            {mine
              .filter((c) => !LIVE.has(c.status))
              .map((c) => (
                <p key={c.id} className="text-sm text-slate-600">
                  Your earlier offer: {CLAIM_STATUS[c.status]}.
                </p>
              ))}
          </Section>

          <Section id="people" title="Volunteers" size="lg" empty={people.length === 0 && "Nobody yet."}>
            <ul className="mt-2 space-y-1 text-sm">
              {people.map((c) => (
                <li key={c.id}>
                  <Link href={`/people/${c.user.login}`} className="text-brand-700 underline">
                    @{c.user.login}
                  </Link>{" "}
                  <span className="text-slate-700">{CLAIM_STATUS[c.status]}</span>{" "}
                  {isStale(c, staleAfterDays, at) && <StaleBadge>{STALE}</StaleBadge>}
                </li>
              ))}
            </ul>
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
          <div>
            <h3 className="font-semibold text-slate-900">Requests</h3>
            {requests.length === 0 ? (
              <p className="text-sm text-slate-600">No open requests.</p>
            ) : (
              <ul className="mt-2 space-y-4">
                {requests.map((c) => (
                  <PendingRequest key={c.id} claim={c} decide={decideClaimAction} />
                ))}
              </ul>
            )}
          </div>
          {mayInvite && (
            <div>
              <h3 className="font-semibold text-slate-900">Invitations</h3>
              {invited.length === 0 ? (
                <p className="text-sm text-slate-600">Nobody is invited right now.</p>
              ) : (
                <ul className="mt-2 space-y-1 text-sm">
                  {invited.map((c) => (
                    <li key={c.id}>
                      <Link href={`/people/${c.user.login}`} className="text-brand-700 underline">
                        @{c.user.login}
                      </Link>{" "}
                      <span className="text-slate-700">
                        invited <LocalTime iso={c.createdAt.toISOString()} />, no answer yet
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {mayInvite && item.status === "open" && <Suggestions itemId={item.id} people={suggested} />}
          <div>
            <h3 className="font-semibold text-slate-900">Held claims</h3>
            {held.length === 0 ? (
              <p className="text-sm text-slate-600">Nobody holds a place.</p>
            ) : (
              <ul className="mt-2 space-y-4">
                {held.map((c) => (
                  <Tile key={c.id} className="space-y-3">
                    <p>
                      <span className="font-medium">@{c.user.login}</span>{" "}
                      <span className="text-slate-700">{CLAIM_STATUS[c.status]}</span>
                      {isStale(c, staleAfterDays, at) && <StaleBadge>{STALE}</StaleBadge>}
                      <span className="block text-sm text-slate-600">
                        Last activity <LocalTime iso={c.lastActivityAt.toISOString()} />
                      </span>
                    </p>
                    {c.status === "done" && (
                      <div className="space-y-2">
                        {c.evidenceUrl && (
                          <p className="text-sm">
                            Evidence:{" "}
                            <a href={c.evidenceUrl} rel="nofollow ugc noopener" className="text-brand-700 underline">
                              {c.evidenceUrl}
                            </a>
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
                  </Tile>
                ))}
              </ul>
            )}
          </div>
          {!closed && (
            <div>
              {/* A draft is discarded rather than closed: it never reaches the board, and its issue is never offered again. */}
              <h3 className="font-semibold text-slate-900">{draft ? "Discard the draft" : "Close the item"}</h3>
              <ActionForm
                action={draft ? discardDraftAction : closeItemAction}
                hidden={{ itemId: item.id }}
                confirm={draft ? "Discard this draft…" : "Close this item…"}
                fields={[
                  {
                    name: "reason",
                    label: "Reason",
                    required: true,
                    hint: draft
                      ? "The GitHub issue is never offered again."
                      : "Open requests are declined; people holding it are told.",
                  },
                ]}
                submit={draft ? "Discard draft" : "Close item"}
                danger
              />
            </div>
          )}
        </Section>
      )}

      <Section id="history" title="History">
        <ol className="mt-3 space-y-1 text-sm text-slate-700">
          {item.history.map((h) => (
            <li key={h.id}>
              <LocalTime iso={h.at.toISOString()} />: {h.actorLogin ? `@${h.actorLogin}` : "Someone"}{" "}
              {HISTORY[h.action] ?? h.action}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}

const STALE = "Stale: no update lately";

/** The reverse match: the best available people for the item, why, their load and ambassador roles; invite one. */
function Suggestions({ itemId, people }: { itemId: string; people: SuggestedPerson[] }) {
  return (
    <div>
      <h3 id="suggested-people" className="font-semibold text-slate-900">
        Suggested people
      </h3>
      <p className="text-sm text-slate-600">
        People whose profile fits this item best, who have not claimed it and allow suggestions. Invite one: they are
        notified and accept or decline.
      </p>
      {people.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nobody to suggest right now.</p>
      ) : (
        <ol className="mt-3 space-y-4" aria-label="Suggested people, best first">
          {people.map((p) => (
            <Tile key={p.id}>
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/people/${p.login}`} className="font-medium text-brand-700 underline">
                  @{p.login}
                </Link>
                {p.name && <span className="text-slate-700">{p.name}</span>}
                {p.isCncfAmbassador && <Badge tone="sky">CNCF Ambassador</Badge>}
              </p>
              {p.tagAmbassadorRoles.length > 0 && (
                <p className="text-sm text-slate-700">
                  TAG Ambassador roles: {p.tagAmbassadorRoles.map((r) => `${r.role} (${r.tag})`).join("; ")}
                </p>
              )}
              <p className="text-sm text-slate-700">
                Current load:{" "}
                {p.acceptedClaims === 0
                  ? "no accepted claims"
                  : `${p.acceptedClaims} accepted ${p.acceptedClaims === 1 ? "claim" : "claims"}, about ${p.loadHours} h`}
                {p.hoursPerMonth !== null && ` of ${p.hoursPerMonth} h a month`}
              </p>
              <MatchReasons line={p.line} label="Why them" />
              <ActionForm
                action={inviteAction}
                hidden={{ itemId, userId: p.id }}
                confirm={`Invite @${p.login}…`}
                fields={[
                  {
                    name: "message",
                    label: `Message to @${p.login}`,
                    type: "textarea",
                    hint: "Optional: why you thought of them.",
                  },
                ]}
                submit={`Invite @${p.login}`}
              />
            </Tile>
          ))}
        </ol>
      )}
    </div>
  );
}

function MyClaim({
  claim,
  title,
  stale,
}: {
  claim: { id: string; status: string; message: string; lastActivityAt: Date };
  title: string;
  stale: boolean;
}) {
  return (
    <div className="space-y-4">
      {/* A live region: after volunteering or marking done, the form that was used is gone and this says what happened. */}
      <div role="status" className="space-y-1">
        <p className="text-slate-800">
          Your claim: <strong>{CLAIM_STATUS[claim.status]}</strong>
          {stale && <StaleBadge>{STALE}</StaleBadge>}
        </p>
        {claim.status === "requested" && (
          <p className="text-sm text-slate-600">A TAG lead will accept or decline your offer; you will be notified.</p>
        )}
        {claim.status === "done" && <p className="text-sm text-slate-600">A TAG lead will confirm your work.</p>}
        {claim.status === "invited" && (
          <p className="text-sm text-slate-600">
            A TAG lead invited you to this item{claim.message ? `: “${claim.message}”` : "."}
          </p>
        )}
      </div>
      {claim.status === "invited" && (
        <InvitationAnswer claimId={claim.id} title={title} action={answerInvitationAction} />
      )}
      {claim.status === "accepted" && (
        <>
          <div id="progress">
            <ActionForm
              action={postProgressAction}
              hidden={{ claimId: claim.id }}
              label="Post progress"
              fields={[
                {
                  name: "body",
                  label: "Progress update",
                  type: "textarea",
                  required: true,
                  hint: "Markdown. What happened since your last update?",
                },
                { name: "link", label: "Link (optional)", type: "url" },
              ]}
              submit="Post update"
            />
          </div>
          <ActionForm
            action={markDoneAction}
            hidden={{ claimId: claim.id }}
            label="Mark done"
            fields={[
              {
                name: "evidenceUrl",
                label: "Evidence link",
                type: "url",
                required: true,
                hint: "A PR, a post, a recording: what shows the work.",
              },
            ]}
            submit="Mark done"
          />
        </>
      )}
      {(claim.status === "requested" || claim.status === "accepted") && (
        <ActionForm
          action={withdrawClaimAction}
          hidden={{ claimId: claim.id }}
          confirm="Withdraw…"
          submit="Yes, withdraw"
          danger
        />
      )}
    </div>
  );
}
