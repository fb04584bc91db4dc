/**
 * A closed set of keys and their human labels, written once as `{ key: "Label" }`: the keys come out
 * in the order written (for `z.enum`, selects and `Same<>` checks against Prisma's enums), the
 * labels as a map over exactly those keys. Writing the list and the map apart let them drift.
 */
export function labelled<const L extends Record<string, string>>(labels: L) {
  type Key = keyof L & string;
  return {
    keys: Object.keys(labels) as [Key, ...Key[]],
    label: labels as Readonly<Record<Key, string>>,
  };
}
