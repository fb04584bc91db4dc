import { beforeEach, describe, expect, it } from "vitest";
import { bumpStamps, stampState } from "@/lib/cache/stamps";
import {
  cachedPage,
  cachedPageCount,
  FILL_HEADER,
  MAX_KEPT_PER_PATH,
  MAX_NEW_PER_PATH,
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

  it("keys pages by path and the page's own parameters only, in canonical form", () => {
    const key = (u: string) => pageKey(new URL(u, "http://x"));
    expect(key("/help-wanted?tag=b&q=go&tag=a")).toBe(key("/help-wanted?q=go&tag=b&tag=a"));
    expect(key("/help-wanted?q=go")).not.toBe(key("/help-wanted?q=rust"));
    // Junk and defaults do not make new entries.
    expect(key("/help-wanted?q=go&utm_source=x&_=123")).toBe(key("/help-wanted?q=%20go%20"));
    expect(key("/help-wanted?status=open&limit=20&sort=bogus")).toBe("/help-wanted");
    expect(key("/help-wanted?cursor=abc")).toBe("/help-wanted?cursor=abc");
    expect(key("/me")).toBeNull();
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

  it("caches a page from its second request on, rendering once for concurrent visitors and again after invalidation", async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((r) => setTimeout(r, 10));
      return page(`render ${renders}`);
    };
    // A URL asked for once is rendered as usual: one-off searches cost no extra fill request.
    expect(await cachedPage("/help-wanted?q=x", render)).toBeNull();
    expect(renders).toBe(0);
    const pages = await Promise.all(Array.from({ length: 20 }, () => cachedPage("/help-wanted?q=x", render)));
    expect(renders).toBe(1);
    expect(new Set(pages.map((p) => p?.body))).toEqual(new Set(["render 1"]));
    invalidateAnonymousPages();
    await cachedPage("/help-wanted?q=x", render);
    expect((await cachedPage("/help-wanted?q=x", render))?.body).toBe("render 2");
    // A change announced by another replica (lib/cache/listener.ts bumps the stamp) drops it too.
    bumpStamps(["help-wanted"]);
    expect((await cachedPage("/help-wanted?q=x", render))?.body).toBe("render 3");
  });

  it("is bypassed while changes may have been missed (no invalidation connection)", async () => {
    const render = async () => page("cached");
    await cachedPage("/help-wanted", render);
    expect(await cachedPage("/help-wanted", render)).not.toBeNull();
    stampState().mode = "disconnected";
    try {
      expect(await cachedPage("/help-wanted", render)).toBeNull();
    } finally {
      stampState().mode = "single";
    }
  });

  it("caps entries per path, and a flood of one-off URLs cannot push out pages people keep asking for", async () => {
    const render = async () => page("p");
    const twice = async (key: string) => {
      await cachedPage(key, render);
      return cachedPage(key, render);
    };
    for (let i = 0; i < 20; i++) {
      await twice(`/help-wanted?q=popular${i}`);
      await cachedPage(`/help-wanted?q=popular${i}`, render); // a hit: now kept
    }
    let renders = 0;
    const counted = async () => (renders++, page("junk"));
    for (let i = 0; i < 5_000; i++) {
      await cachedPage(`/help-wanted?q=junk${i}`, counted);
      await cachedPage(`/help-wanted?q=junk${i}`, counted);
    }
    expect(cachedPageCount("/help-wanted")).toBeLessThanOrEqual(MAX_KEPT_PER_PATH + MAX_NEW_PER_PATH);
    let popularRenders = 0;
    for (let i = 0; i < 20; i++)
      await cachedPage(`/help-wanted?q=popular${i}`, async () => (popularRenders++, page("again")));
    expect(popularRenders).toBe(0);
    expect(renders).toBe(5_000);
  });

  it("renders again once a page is older than the TTL", async () => {
    let renders = 0;
    const render = async () => page(`render ${++renders}`);
    await cachedPage("k", render);
    await cachedPage("k", render);
    expect((await cachedPage("k", render, Date.now() + PAGE_TTL_MS - 1_000))?.body).toBe("render 1");
    expect((await cachedPage("k", render, Date.now() + PAGE_TTL_MS + 1))?.body).toBe("render 2");
  });

  it("does not keep failed or non-200 renders", async () => {
    let renders = 0;
    expect(await cachedPage("k", async () => (++renders, page("first")))).toBeNull();
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
