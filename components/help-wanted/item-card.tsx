import Link from "next/link";
import { GithubIssueStatus } from "@/components/github-issue-status";
import { DefinitionItem } from "@/components/ui/definition-list";
import { DateOnly } from "@/components/ui/time";
import { BOARD_KIND_LABEL, ITEM_STATUS_LABEL } from "@/lib/vocabulary";
import type { BoardItem } from "@/lib/help-wanted/board";

/**
 * A card's item as the board's client list receives it: its TAGs by slug only, named from one map
 * sent once per page (a name per card per TAG would travel in the RSC payload again and again).
 */
export type CardItem = Omit<BoardItem, "tags"> & { tagSlugs: string[] };

/** The board's items for its client list: each card's TAG slugs, and one slug -> name map. */
export function toCardItems(items: readonly BoardItem[]): { items: CardItem[]; tagNames: Record<string, string> } {
  const tagNames: Record<string, string> = {};
  const cards = items.map(({ tags, ...item }) => {
    for (const t of tags) tagNames[t.slug] = t.name;
    return { ...item, tagSlugs: tags.map((t) => t.slug) };
  });
  return { items: cards, tagNames };
}

/**
 * One item on the board: what, for which TAGs, how much work, when, and how many places remain.
 * `children` go at the bottom (why it matches you, a hide button). No "use client" of its own: the
 * board renders it inside the client list ./item-card-list.tsx, other pages as a server component.
 */
export function ItemCard({ item, children }: { item: BoardItem; children?: React.ReactNode }) {
  const left = item.places - item.placesTaken;
  return (
    <article className="item-card">
      <h2>
        <Link href={`/help-wanted/${item.id}`}>{item.title}</Link>
      </h2>
      <p className="chips">
        <span className="chip kind">{BOARD_KIND_LABEL[item.kind]}</span>
        <span className={`chip ${item.status}`}>{ITEM_STATUS_LABEL[item.status]}</span>
        {item.tags.map((t) => (
          <span key={t.slug}>{t.name}</span>
        ))}
      </p>
      {item.githubIssue && (
        <GithubIssueStatus state={item.githubIssue.state} assignees={item.githubIssue.assignees} className="mt-2" />
      )}
      {item.excerpt && <p className="excerpt">{item.excerpt}</p>}
      <dl className="figures">
        <DefinitionItem term="Places">
          {item.status === "open" ? `${left} of ${item.places} open` : `${item.placesTaken} of ${item.places} taken`}
        </DefinitionItem>
        {item.effortHours !== null && (
          <DefinitionItem term="Effort">
            {item.effortHours === 1 ? "1 hour" : `${item.effortHours} hours`}
          </DefinitionItem>
        )}
        <DefinitionItem term="Region">{item.region ?? "Anywhere"}</DefinitionItem>
        {item.dueAt && (
          <DefinitionItem term="Due">
            <span className={item.overdue ? "text-red-800" : undefined}>
              <DateOnly date={item.dueAt} />
              {item.overdue && " (past due)"}
            </span>
          </DefinitionItem>
        )}
        <DefinitionItem term="Posted">
          <DateOnly date={item.createdAt} />
        </DefinitionItem>
      </dl>
      {item.skills.length > 0 && (
        <ul aria-label="Skills" className="skills">
          {item.skills.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}
