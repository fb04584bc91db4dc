import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { BoardFilters } from "@/components/help-wanted/board-filters";
import { toCardItems } from "@/components/help-wanted/item-card";
import { ItemCardList } from "@/components/help-wanted/item-card-list";
import { DateTime } from "@/components/ui/time";
import { Notice } from "@/components/ui/notice";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { EmptyState, Section } from "@/components/ui/section";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { boardUrl, hasFilters, parseBoardQuery } from "@/lib/help-wanted/board-query";
import { decodeMatchCursor, encodeMatchCursor } from "@/lib/matching/paging";
import { findMatchesForPerson, getMatchSettings } from "@/lib/matching/queries";
import { listTags } from "@/lib/tags/queries";
import { hideItemAction, volunteerFromMatchesAction } from "./actions";
import { MatchSettingsForm } from "./_components/match-settings-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ItemLink } from "@/components/help-wanted/item-link";

export const metadata: Metadata = { title: "Help wanted for you" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = "/help-wanted/for-you";

/**
 * The signed-in person's best matches among open items (issue 9), each with why; the board's
 * filters narrow them (a GET form: every choice in the URL, works without JavaScript). Hiding an
 * item removes it from these matches, the board's best-match sort and the digest.
 */
export default async function ForYouPage({ searchParams }: Props) {
  const user = await requireUser(PATH);
  const { query } = parseBoardQuery(await searchParams);
  const offset = decodeMatchCursor(query.cursor);
  const [at, tags, settings] = await Promise.all([now(), listTags(), getMatchSettings(user.id)]);
  const found = await findMatchesForPerson(user.id, { now: at, limit: query.limit, offset, query });
  const matches = found?.matches ?? [];
  const filtered = hasFilters(query);
  const url = (cursor?: string) => boardUrl({ ...query, status: "open", sort: undefined }, { cursor }, PATH);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Help wanted for you"
        compact
        eyebrow={<Breadcrumbs trail={[{ href: "/help-wanted", label: "Help wanted" }]} current="For you" />}
      >
        <Lead>
          Open items ranked by how well they fit your skills, interests, region and timezone, your free hours this
          month, the kinds of work you prefer and what you did before; urgent items and items nobody took yet rank a
          little higher.
        </Lead>
        {found && found.gaps.length > 0 && (
          <Notice tone="warning" className="max-w-3xl">
            Your profile has no {found.gaps.join(", ")} yet.{" "}
            <Link href="/me" className="underline">
              Add them on your profile
            </Link>{" "}
            for better matches.
          </Notice>
        )}
      </PageHeader>

      <BoardFilters query={query} tags={tags.map(({ slug, name }) => ({ slug, name }))} action={PATH} matchesOnly />

      <Section
        id="matches-heading"
        title={`Your matches${offset > 0 ? " (a later page)" : ""}`}
        plain
        className="space-y-4"
      >
        {matches.length === 0 ? (
          <EmptyState center>
            {offset > 0 ? (
              <p>
                No more matches.{" "}
                <Link href={url()} className="text-brand-700 underline">
                  Back to the first page
                </Link>
              </p>
            ) : filtered ? (
              <p>No open item matches these filters. Try fewer filters.</p>
            ) : (
              <p>No open items to suggest right now. TAG leads post work on the board; check back soon.</p>
            )}
          </EmptyState>
        ) : (
          <ItemCardList
            {...toCardItems(matches.map((m) => m.item))}
            reasons={Object.fromEntries(matches.map((m) => [m.item.id, m.line]))}
            label="Your matches, best first"
            actions={[
              { action: volunteerFromMatchesAction, submit: "Volunteer", name: "Volunteer for" },
              { action: hideItemAction, submit: "Hide", name: "Hide", hidden: { hidden: "true" }, variant: "neutral" },
            ]}
          />
        )}
        <Pager
          prev={offset > 0 ? { href: url(), text: "First page" } : null}
          next={found?.hasMore ? { href: url(encodeMatchCursor(offset + query.limit)), text: "Next page" } : null}
        />
      </Section>

      {settings && (
        <div className="grid gap-6 lg:grid-cols-2">
          <MatchSettingsForm
            saved={{
              preferredKinds: settings.preferredKinds,
              matchOptOut: settings.matchOptOut,
              digestOptIn: settings.digestOptIn,
              githubAssignOptIn: settings.githubAssignOptIn,
            }}
          />
          <Section
            id="hidden-heading"
            title="Hidden items"
            size="lg"
            count={settings.hidden.length}
            empty="You have not hidden anything. Hide an item and it is no longer suggested to you."
          >
            <ul className="mt-3 space-y-3">
              {settings.hidden.map((h) => (
                <li key={h.id} className="flex flex-wrap items-start justify-between gap-2">
                  <span>
                    <ItemLink item={h} />{" "}
                    <span className="text-sm text-slate-600">
                      hidden <DateTime iso={h.hiddenAt.toISOString()} />
                    </span>
                  </span>
                  <ActionForm
                    action={hideItemAction}
                    hidden={{ itemId: h.id, hidden: "false" }}
                    submit="Show again"
                    label={`Show “${h.title}” again`}
                  />
                </li>
              ))}
            </ul>
          </Section>
        </div>
      )}
    </div>
  );
}
