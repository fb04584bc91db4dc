"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { FlagList } from "@/components/dashboards/flag-list";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { Card, Heading } from "@/components/ui/section";
import { TAG_CARD_TERMS } from "./tag-card-terms";

/**
 * What a TAG's card on `/toc` shows: its name, what needs attention, and its figures in words,
 * one value per term of {@link TAG_CARD_TERMS}, in that order.
 */
export interface TagCardData {
  slug: string;
  name: string;
  flags: readonly string[];
  values: readonly string[];
}

/**
 * One TAG's card on `/toc`. A client component so that the page's RSC payload carries the card's
 * values once, not its markup a second time, nor the figures' terms once per TAG (decision 018);
 * `children` (the TAG's open decisions) stay server-rendered.
 */
export function TagCard({ card, children }: { card: TagCardData; children: ReactNode }) {
  const headingId = `tag-${card.slug}`;
  return (
    <Card as="article" padding="md" aria-labelledby={headingId} className="space-y-3">
      <Heading id={headingId} level={3}>
        <Link href={`/toc/${card.slug}`} className="text-brand-700 underline">
          {card.name}
        </Link>
      </Heading>
      <FlagList flags={card.flags} label={`Needs attention in ${card.name}`} small />
      <DefinitionList layout="figures">
        {TAG_CARD_TERMS.map((term, i) => (
          <DefinitionItem key={term} term={term}>
            {card.values[i]}
          </DefinitionItem>
        ))}
      </DefinitionList>
      {children}
    </Card>
  );
}
