import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { answeringAppErrors, fileResponse } from "./responses";

describe("a file download", () => {
  it("is a private attachment under its name unless told otherwise", async () => {
    const res = fileResponse("a,b\n", { type: "text/csv", name: "tag-x-roster.csv" });
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="tag-x-roster.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toBe("text/csv");
    expect(await res.text()).toBe("a,b\n");
  });

  it("may be shown inline, cached publicly and carry headers of its own", () => {
    const res = fileResponse("x", {
      type: "text/calendar",
      name: "tag-x.ics",
      disposition: "inline",
      cacheControl: "public, max-age=300",
      headers: { "x-content-sha256": "abc" },
    });
    expect(res.headers.get("content-disposition")).toBe('inline; filename="tag-x.ics"');
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("x-content-sha256")).toBe("abc");
  });
});

describe("a route's work that refuses", () => {
  it("answers an AppError as the JSON error shape with its status", async () => {
    const res = await answeringAppErrors(async () => {
      throw new AppError("FORBIDDEN", "Not yours.");
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "FORBIDDEN", message: "Not yours." } });
  });

  it("lets anything else through as a failure", async () => {
    await expect(answeringAppErrors(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
