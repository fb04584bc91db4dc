import type * as Db from "../generated/prisma/enums.ts";
import { LABELS, labelled, type Same } from "./labelled.ts";

/**
 * Kinds of help-wanted work as the database spells them (the Prisma enum `HelpWantedKind`). A
 * `shadow` item has a mentor attached; their sign-off from the item counts toward a ladder step
 * (lib/pathways/shadowing.ts).
 */
export const { keys: ITEM_KINDS, label: ITEM_KIND_LABEL } = labelled(LABELS.itemKind);
export type ItemKind = (typeof ITEM_KINDS)[number];

/** `a_b` spelled `a-b`, as a type. */
type Hyphenated<S extends string> = S extends `${infer A}_${infer B}` ? `${A}-${Hyphenated<B>}` : S;
/** A kind as URLs and the API spell it (stable keys): `project_liaison` is `project-liaison`. */
export type BoardKind = Hyphenated<ItemKind>;

/** A kind in the URL's spelling, from either spelling. */
export const boardKindOf = (kind: string): BoardKind => kind.replaceAll("_", "-") as BoardKind;
/** The kinds in the URL's spelling, in the same order. */
export const BOARD_KINDS = ITEM_KINDS.map(boardKindOf) as [BoardKind, ...BoardKind[]];
/** A kind in the database's spelling, from either spelling. */
export const itemKindOf = (kind: string): ItemKind => kind.replaceAll("-", "_") as ItemKind;
export const BOARD_KIND_LABEL = Object.fromEntries(
  ITEM_KINDS.map((k) => [boardKindOf(k), ITEM_KIND_LABEL[k]]),
) as Record<BoardKind, string>;

const _kindsAgree: Same<ItemKind, Db.HelpWantedKind> = true;
