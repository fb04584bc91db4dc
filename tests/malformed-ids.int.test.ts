/**
 * Ids arrive from paths, query strings and cursors. Anything that is not a uuid is "not found",
 * never a database error: each entry point a page or route handler calls answers as for a
 * record that does not exist.
 */
import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { getArtifact, getElection } from "@/lib/elections/queries";
import { AppError } from "@/lib/errors";
import { getItem } from "@/lib/help-wanted/queries";
import { markItemReviewed } from "@/lib/help-wanted/review";
import { getInitiative } from "@/lib/initiatives/queries";
import { findPeopleForItem } from "@/lib/matching/queries";
import { createUser } from "./factories";

const MALFORMED = [
  "-".repeat(36),
  "0".repeat(36),
  "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
  "0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5",
  "0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c'--",
];

const outcome = (p: Promise<unknown>) =>
  p.then(
    (v) => v,
    (e: unknown) => (e instanceof AppError ? e.code : `THROWN ${String(e)}`),
  );

describe("malformed ids are not found, never a server error", () => {
  it("in the loaders of item, initiative and election pages, the results files and the lead's tools", async () => {
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    const { GET } = await import("@/app/elections/[id]/results/[file]/route");
    for (const id of MALFORMED) {
      expect(await outcome(getItem(id)), id).toBeNull();
      expect(await outcome(getInitiative(id)), id).toBeNull();
      expect(await outcome(getElection(id, admin)), id).toBe("NOT_FOUND");
      expect(await outcome(getArtifact(id, "result.json", admin)), id).toBe("NOT_FOUND");
      expect(await outcome(markItemReviewed(admin, id)), id).toBe("NOT_FOUND");
      expect(await outcome(findPeopleForItem(admin, id, { now: new Date(), limit: 5 })), id).toEqual([]);
      const res = await GET(new Request(`http://localhost/elections/${id}/results/result.json`), {
        params: Promise.resolve({ id, file: "result.json" }),
      });
      expect(res.status, id).toBe(404);
    }
  });
});
