import { beforeEach, describe, expect, it } from "vitest";
import {
  cachedPage,
  FILL_HEADER,
  invalidateAnonymousPages,
  isCacheableRequest,
  pageCacheState,
  pageKey,
  PAGE_TTL_MS,
  withNonce,
  type CachedPage,
} from "./page-cache";

const page = (body: string, status = 200, storedAt = Date.now()): CachedPage => ({
  status,
  body,
  headers: [["content-type", "text/html"]],
  storedAt,
});
const req = (url: string, init: { method?: string; headers?: Record<string, string>; cookie?: boolean } = {}) => ({
  method: init.method ?? "GET",
  url: new URL(url, "http://localhost"),
  headers: new Headers(init.headers),
  hasSessionCookie: init.cookie ?? false,
});

describe("anonymous page cache", () => {
  beforeEach(() => invalidateAnonymousPages());

  it("keys pages by path and parameters in a stable order", () => {
    expect(pageKey(new URL("http://x/help-wanted?tag=b&q=go&tag=a"))).toBe(
      pageKey(new URL("http://x/help-wanted?q=go&tag=a&tag=b")),
    );
    expect(pageKey(new URL("http://x/help-wanted?q=go"))).not.toBe(pageKey(new URL("http://x/help-wanted?q=rust")));
  });

  it("serves only anonymous full-page GETs of the board", () => {
    expect(isCacheableRequest(req("/help-wanted?q=go"))).toBe(true);
    expect(isCacheableRequest(req("/help-wanted", { cookie: true }))).toBe(false);
    expect(isCacheableRequest(req("/help-wanted", { method: "POST" }))).toBe(false);
    expect(isCacheableRequest(req("/help-wanted", { headers: { rsc: "1" } }))).toBe(false);
    expect(isCacheableRequest(req("/help-wanted?_rsc=abc"))).toBe(false);
    expect(isCacheableRequest(req("/help-wanted", { headers: { [FILL_HEADER]: "x" } }))).toBe(false);
    expect(isCacheableRequest(req("/me"))).toBe(false);
    expect(isCacheableRequest(req("/help-wanted/123"))).toBe(false);
  });

  it("renders once for concurrent visitors and again after invalidation", async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((r) => setTimeout(r, 10));
      return page(`render ${renders}`);
    };
    const pages = await Promise.all(Array.from({ length: 20 }, () => cachedPage("/help-wanted?", render)));
    expect(renders).toBe(1);
    expect(new Set(pages.map((p) => p?.body))).toEqual(new Set(["render 1"]));
    invalidateAnonymousPages();
    expect((await cachedPage("/help-wanted?", render))?.body).toBe("render 2");
  });

  it("renders again once a page is older than the TTL", async () => {
    let renders = 0;
    const render = async () => page(`render ${++renders}`);
    await cachedPage("k", render);
    expect((await cachedPage("k", render, Date.now() + PAGE_TTL_MS - 1_000))?.body).toBe("render 1");
    expect((await cachedPage("k", render, Date.now() + PAGE_TTL_MS + 1))?.body).toBe("render 2");
  });

  it("does not keep failed or non-200 renders", async () => {
    let renders = 0;
    expect(await cachedPage("k", async () => (++renders, page("oops", 500)))).toBeNull();
    expect(await cachedPage("k", async () => (++renders, Promise.reject(new Error("down"))))).toBeNull();
    expect((await cachedPage("k", async () => (++renders, page("ok"))))?.body).toBe("ok");
    expect(renders).toBe(3);
  });

  it("puts each response's nonce everywhere the placeholder was", () => {
    const ph = pageCacheState().placeholder;
    const cached = page(`<script nonce="${ph}">a</script><script nonce="${ph}">b</script>`);
    expect(withNonce(cached, "N1")).toBe('<script nonce="N1">a</script><script nonce="N1">b</script>');
    expect(withNonce(cached, "N2")).not.toContain(ph);
  });
});
