"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { ButtonVariant } from "@/components/ui/button";
import type { ServerAction } from "@/components/ui/form";
import { ItemCard, type CardItem } from "./item-card";
import { MatchReasons } from "./match-reasons";

/** A button under every card: `action` gets the item's id (and `hidden`); its name is `name` and the item's title. */
export interface CardAction {
  action: ServerAction;
  submit: string;
  name: string;
  hidden?: Record<string, string>;
  variant?: ButtonVariant;
}

/**
 * The board's cards. A client component on purpose: a page sends what the server renders twice,
 * as HTML and in the RSC payload, and a server-rendered card costs about 1.9 KB of payload as an
 * element tree, while the item's data it is drawn from is about 0.5 KB (board HTML for 20 items
 * near 99 KB, the goal 60 KB: docs/decisions/018-render-speed.md). Items come from `toCardItems`:
 * TAGs by slug, named from `tagNames`. `reasons` (item id to why it matches) adds the match line
 * under each card, `actions` a form per card (sent once, not per card); `label` makes the list an
 * ordered one with that name (a ranking).
 */
export function ItemCardList({
  items,
  tagNames,
  reasons,
  actions,
  label,
}: {
  items: CardItem[];
  tagNames: Record<string, string>;
  reasons?: Record<string, string>;
  actions?: readonly CardAction[];
  label?: string;
}) {
  const List = label ? "ol" : "ul";
  return (
    <List className="grid gap-4 md:grid-cols-2 lg:grid-cols-3" aria-label={label}>
      {items.map(({ tagSlugs, ...item }) => (
        <li key={item.id}>
          <ItemCard item={{ ...item, tags: tagSlugs.map((slug) => ({ slug, name: tagNames[slug] ?? slug })) }}>
            {reasons && <MatchReasons line={reasons[item.id] ?? ""} />}
            {actions && (
              <div className="mt-3 flex flex-wrap items-start gap-2">
                {actions.map((a) => (
                  <ActionForm
                    key={a.submit}
                    action={a.action}
                    hidden={{ itemId: item.id, ...a.hidden }}
                    submit={a.submit}
                    variant={a.variant}
                    label={`${a.name} “${item.title}”`}
                    compact
                  />
                ))}
              </div>
            )}
          </ItemCard>
        </li>
      ))}
    </List>
  );
}
