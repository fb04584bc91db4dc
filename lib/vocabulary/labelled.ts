import catalogue from "./labels.en.json" with { type: "json" };

/**
 * The human wording of every vocabulary, by vocabulary and key, in one catalogue
 * (docs/decisions/026-label-catalogue.md): wording is edited there only and can be translated as a
 * whole; the TypeScript beside each vocabulary holds its keys and rules.
 */
export const LABELS = catalogue;

/**
 * A closed set of keys and their human labels, written once as `{ key: "Label" }` (usually a
 * vocabulary of {@link LABELS}): the keys come out in the order written (for `z.enum`, selects and
 * `Same<>` checks against Prisma's enums), the labels as a map over exactly those keys. Writing the
 * list and the map apart let them drift.
 */
export function labelled<const L extends Record<string, string>>(labels: L) {
  type Key = keyof L & string;
  return {
    keys: Object.keys(labels) as [Key, ...Key[]],
    label: labels as Readonly<Record<Key, string>>,
  };
}

/** True when two sets of keys are the same: `const _agree: Same<Ours, PrismaEnum> = true` fails to compile if they drift. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
