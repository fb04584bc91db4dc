import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { POST } from "@/app/(portal)/elections/import/upload/route";

const URL_ = "http://localhost:3000/elections/import/upload";

/**
 * The Elekto upload is the one request that may carry a large body (decision 019): its route
 * handler takes it and says why it refuses one; server actions keep Next.js's 1 MB default.
 */
describe("the Elekto upload route", () => {
  it("leaves every server action at Next.js's default body limit", () => {
    const config = nextConfig("phase-production-server");
    expect(config.experimental?.serverActions?.bodySizeLimit).toBeUndefined();
  });

  it("refuses a body over the archive limit before reading it, saying so", async () => {
    const res = await POST(
      new Request(URL_, {
        method: "POST",
        headers: { "content-length": String(12 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" },
        body: "--x--",
      }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      ok: false,
      fieldErrors: { archive: [expect.stringMatching(/over 10 MB/)] },
    });
  });

  it("refuses a post from another site, and a body that is not a form, with the form's JSON answer", async () => {
    const cross = await POST(
      new Request(URL_, { method: "POST", headers: { origin: "https://evil.example" }, body: "" }),
    );
    expect(cross.status).toBe(403);
    const garbled = await POST(
      new Request(URL_, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "%%" }),
    );
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toMatchObject({ ok: false, message: expect.stringMatching(/did not arrive whole/) });
  });
});
