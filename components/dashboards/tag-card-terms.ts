/**
 * The figures every TAG's card on `/toc` shows, in order. Shared by the page, which gives each
 * card its values in this order, and the card (a client component), which pairs them with these
 * words: the page's RSC payload then carries the words once in the card's module, not once per
 * TAG (decision 018). Not a client module, so the server reads the list itself.
 */
export const TAG_CARD_TERMS = [
  "Chairs and tech leads",
  "Seats by role",
  "Seats by region",
  "Largest employer (leadership)",
  "Terms ending in 6 months",
  "Inactive leaders",
  "On leave",
  "Elections open / due",
  "Help wanted: open, held, done (90 days)",
  "Median days to first volunteer",
  "Stale claims",
  "CNCF Ambassadors active",
  "Liaison check-ins overdue",
  "Board review",
] as const;

export type TagCardTerm = (typeof TAG_CARD_TERMS)[number];
