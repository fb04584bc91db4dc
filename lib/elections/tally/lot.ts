import { createHash } from "node:crypto";

/**
 * The seeded lot (docs/decisions/005-tally-tie-breaking.md): each tied name gets the key
 * SHA-256(seed bytes ‖ UTF-8 name), and names are ordered by key, lowest first; the first in the
 * order is favoured (takes the seat, has its surplus transferred first, survives an exclusion).
 * Anyone can redo it with `sha256sum` and the published seed, and nobody can steer it after the
 * ballots are fixed, since by default the seed is the hash of the ballot file itself.
 */

const HEX = /^(?:[0-9a-f]{2})+$/i;

/** True when `seed` is a non-empty, even-length hex string. */
export function isHexSeed(seed: string): boolean {
  return HEX.test(seed);
}

/** SHA-256 of bytes or of a string's UTF-8 encoding, as lowercase hex. */
export function hashSha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The key the lot gives `name` under `seed` (lowercase hex). */
export function lotKey(seed: string, name: string): string {
  if (!isHexSeed(seed)) throw new Error(`tie-break seed must be hex, got "${seed}"`);
  return createHash("sha256").update(Buffer.from(seed, "hex")).update(name, "utf8").digest("hex");
}

/** Orders `names` by the seeded lot, favoured first. */
export function orderByLot(seed: string, names: readonly string[]): string[] {
  const keyed = names.map((name) => ({ name, key: lotKey(seed, name) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.name);
}

/** How a tie is settled (docs/decisions/005-tally-tie-breaking.md): the seeded lot, the default, or input order. */
export type TieBreak = "lot" | "input-order";
export const TIE_BREAKS: readonly TieBreak[] = ["lot", "input-order"];

/**
 * Orders tied `names`, favoured first. By default the seeded lot does. `input-order` is the
 * convention of published test sets and of droop, the reference Meek counter: the tied candidate
 * listed first in the ballot file is the one picked, whatever the pick is for. It takes the seat or
 * has its surplus transferred first (`keep`), and where the pick is whom to exclude (`drop`) it is
 * the one excluded, so its favoured-first order is the file's order reversed.
 */
export function settleTie(
  how: { seed: string; tiebreak?: TieBreak; candidates: readonly string[] },
  names: readonly string[],
  pick: "keep" | "drop",
): string[] {
  if ((how.tiebreak ?? "lot") === "lot") return orderByLot(how.seed, names);
  const listed = [...names].sort((a, b) => how.candidates.indexOf(a) - how.candidates.indexOf(b));
  return pick === "keep" ? listed : listed.reverse();
}
