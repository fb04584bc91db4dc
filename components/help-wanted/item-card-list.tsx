"use client";

import { ItemCard, type CardItem } from "./item-card";
import { MatchReasons } from "./match-reasons";

/**
 * The board's cards. A client component on purpose: a page sends what the server renders twice,
 * as HTML and in the RSC payload, and a server-rendered card costs about 1.9 KB of payload as an
 * element tree, while the item's data it is drawn from is about 0.5 KB (board HTML for 20 items
 * near 99 KB, the goal 60 KB: docs/decisions/018-render-speed.md). Items come from `toCardItems`:
 * TAGs by slug, named from `tagNames`. `reasons` (item id to why it matches) adds the match line
 * under each card.
 */
export function ItemCardList({
  items,
  tagNames,
  reasons,
}: {
  items: CardItem[];
  tagNames: Record<string, string>;
  reasons?: Record<string, string>;
}) {
  return (
    <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
      {items.map(({ tagSlugs, ...item }) => (
        <li key={item.id}>
          <ItemCard item={{ ...item, tags: tagSlugs.map((slug) => ({ slug, name: tagNames[slug] ?? slug })) }}>
            {reasons && <MatchReasons line={reasons[item.id] ?? ""} />}
          </ItemCard>
        </li>
      ))}
    </ul>
  );
}
