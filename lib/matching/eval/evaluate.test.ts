import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";

describe("matching evaluation (lib/matching/eval)", () => {
  it("ranks good matches far above a ranking that ignores the person", () => {
    const e = evaluate(5);
    expect(e.people).toHaveLength(12);
    // The figure `npm run match:eval` prints; a change to the model that lowers it fails here.
    expect(e.precision).toBeGreaterThanOrEqual(0.6);
    expect(e.precision).toBeGreaterThan(3 * e.baseline);
    expect(e.precision).toBeLessThanOrEqual(e.ceiling);
  });
});
