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
