import { packBallots } from "./ballots.ts";
import type { PackedBallots } from "./types.ts";

/**
 * Fixtures in the notation textbooks use: `[count, "A>B=C>D"]` means `count` voters ranking A
 * first, B and C equal second, D third; candidates not named are unranked.
 */
export function ballotsFrom(
  candidates: readonly string[],
  lines: readonly (readonly [number, string])[],
): PackedBallots {
  return packBallots(
    lines.map(([weight, text]) => ({
      weight,
      ranking:
        text === ""
          ? []
          : text.split(">").map((level) =>
              level.split("=").map((name) => {
                const index = candidates.indexOf(name.trim());
                if (index < 0) throw new Error(`unknown candidate ${name}`);
                return index;
              }),
            ),
    })),
  );
}

export const SEED = "00";

/** A tally's input: `lines` (see ballotsFrom) among `candidates` for `seats`, drawn with the fixed seed. */
export function tallyInput(
  candidates: readonly string[],
  seats: number,
  lines: readonly (readonly [number, string])[],
) {
  return { candidates: [...candidates], seats, seed: SEED, ballots: ballotsFrom(candidates, lines) };
}
