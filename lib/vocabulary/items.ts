import type { HelpWantedKind as DbItemKind } from "../generated/prisma/enums.ts";
import { labelled } from "./labelled.ts";

/** Kinds of help-wanted work as the database spells them (the Prisma enum `HelpWantedKind`). */
export const { keys: ITEM_KINDS, label: ITEM_KIND_LABEL } = labelled({
  project_liaison: "Project liaison",
  foundation_liaison: "Foundation liaison",
  event: "Event",
  content: "Content",
  review: "Review",
  other: "Other",
  // A mentor attached; their sign-off from the item counts toward a ladder step (lib/pathways/shadowing.ts).
  shadow: "Shadowing",
});
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The same kinds as URLs and the API spell them (stable keys). */
export const BOARD_KINDS = [
  "project-liaison",
  "foundation-liaison",
  "event",
  "content",
  "review",
  "other",
  "shadow",
] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

/** A kind in the URL's spelling, from either spelling. */
export const boardKindOf = (kind: string): BoardKind => kind.replaceAll("_", "-") as BoardKind;
/** A kind in the database's spelling, from either spelling. */
export const itemKindOf = (kind: string): ItemKind => kind.replaceAll("-", "_") as ItemKind;
export const BOARD_KIND_LABEL = Object.fromEntries(
  ITEM_KINDS.map((k) => [boardKindOf(k), ITEM_KIND_LABEL[k]]),
) as Record<BoardKind, string>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsAgree: Same<ItemKind, DbItemKind> = true;
