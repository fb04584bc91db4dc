import type { APIResponse } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/**
 * docs/security.md, H1: every kind of response the portal sends carries the security headers, and
 * every HTML response the nonce policy, whoever asks and however (a browser prefetch, a router
 * prefetch, next-auth's own pages, error pages).
 */

const TAG = "security-and-compliance";

/** Headers every response carries (next.config.ts). */
const EVERY_RESPONSE: Record<string, RegExp> = {
  "strict-transport-security": /max-age=\d{7,}/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^(strict-origin-when-cross-origin|strict-origin|same-origin|no-referrer)$/,
  "x-frame-options": /^DENY$/,
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": /^same-origin$/,
};

interface Case {
  kind: string;
  path: string;
  headers?: Record<string, string>;
  status: number;
  type: RegExp;
  /** Follow redirects: Next.js first sends a bare RSC request to its cache-busting `?_rsc=` address. */
  follow?: boolean;
}

const CASES: Case[] = [
  { kind: "page", path: "/", status: 200, type: /^text\/html/ },
  { kind: "page (anonymous page cache)", path: "/help-wanted", status: 200, type: /^text\/html/ },
  { kind: "page", path: `/tags/${TAG}`, status: 200, type: /^text\/html/ },
  { kind: "page", path: "/sign-in", status: 200, type: /^text\/html/ },
  { kind: "browser prefetch", path: "/", headers: { purpose: "prefetch" }, status: 200, type: /^text\/html/ },
  { kind: "browser prefetch", path: "/tags", headers: { "sec-purpose": "prefetch" }, status: 200, type: /^text\/html/ },
  {
    kind: "router prefetch without RSC",
    path: "/help-wanted",
    headers: { "next-router-prefetch": "1" },
    status: 200,
    type: /^text\/html/,
  },
  {
    kind: "router prefetch (RSC payload)",
    path: "/tags",
    headers: { rsc: "1", "next-router-prefetch": "1" },
    status: 200,
    type: /^text\/x-component/,
    follow: true,
  },
  { kind: "API JSON", path: "/api/v1/tags", status: 200, type: /^application\/json/ },
  { kind: "API JSON error", path: "/api/v1/tags/no-such-tag", status: 404, type: /^application\/json/ },
  { kind: "API JSON", path: "/api/v1/openapi.json", status: 200, type: /^application\/json/ },
  { kind: "API HTML (next-auth sign-out page)", path: "/api/auth/signout", status: 200, type: /^text\/html/ },
  { kind: "API JSON (next-auth)", path: "/api/auth/providers", status: 200, type: /^application\/json/ },
  { kind: "CSV", path: `/tags/${TAG}/roster.csv`, status: 200, type: /^text\/csv/ },
  { kind: "iCal", path: `/tags/${TAG}/elections.ics`, status: 200, type: /^text\/calendar/ },
  { kind: "Atom", path: "/help-wanted/feed.xml", status: 200, type: /^application\/atom\+xml/ },
  { kind: "error page (404)", path: "/does-not-exist", status: 404, type: /^text\/html/ },
  { kind: "error page (404, unknown TAG)", path: "/tags/no-such-tag", status: 404, type: /^text\/html/ },
  { kind: "redirect to sign in", path: "/notifications", status: 307, type: /.*/ },
];

/** The problems with one response's headers (and, for HTML, with its scripts). */
async function problems(res: APIResponse, c: Case): Promise<string[]> {
  const h = res.headers();
  const out: string[] = [];
  if (res.status() !== c.status) out.push(`status ${res.status()}, expected ${c.status}`);
  if (!c.type.test(h["content-type"] ?? "")) out.push(`content-type ${h["content-type"]}`);
  for (const [name, re] of Object.entries(EVERY_RESPONSE))
    if (!re.test(h[name] ?? "")) out.push(`${name}: ${h[name] ?? "missing"}`);
  if (!/^text\/html/.test(h["content-type"] ?? "")) return out;

  const csp = h["content-security-policy"] ?? "";
  const directive = (name: string) =>
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.split(/\s+/)[0] === name) ?? "";
  const scriptSrc = directive("script-src");
  const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(scriptSrc)?.[1];
  if (!nonce) out.push(`no nonce in script-src (content-security-policy: ${csp || "missing"})`);
  if (/unsafe-inline/.test(scriptSrc)) out.push("script-src allows unsafe-inline");
  for (const [name, value] of [
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ] as const)
    if (directive(name) !== `${name} ${value}`) out.push(`${name}: ${directive(name) || "missing"}`);
  // A nonce in the policy that the page's scripts do not carry (or another one) breaks the page
  // or means the policy was not made for this response.
  const body = await res.text();
  for (const tag of body.match(/<script\b[^>]*>/gi) ?? []) {
    const carried = /\bnonce="([^"]*)"/.exec(tag)?.[1];
    if (carried !== nonce) out.push(`a script without this response's nonce: ${tag.slice(0, 80)}`);
  }
  return out;
}

test("every kind of response carries the security headers, and every HTML response the nonce policy", async ({
  page,
}) => {
  const found: Record<string, string[]> = {};
  const nonces: string[] = [];
  for (const c of CASES) {
    const res = await page.request.get(c.path, { headers: c.headers, maxRedirects: c.follow ? 3 : 0 });
    const p = await problems(res, c);
    if (p.length) found[`${c.kind} ${c.path}`] = p;
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
    if (nonce) nonces.push(nonce);
  }
  // A static asset: the script the home page loads.
  const home = await (await page.request.get("/")).text();
  const asset = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(home)?.[1];
  expect(asset, "the home page loads a script from /_next/static").toBeTruthy();
  const assetCase: Case = { kind: "static script", path: asset!, status: 200, type: /javascript/ };
  const p = await problems(await page.request.get(asset!), assetCase);
  if (p.length) found[`static script ${asset}`] = p;

  expect(found).toEqual({});
  // Each HTML response had a policy of its own: nonces are never reused.
  expect(nonces.length).toBeGreaterThanOrEqual(CASES.filter((c) => c.type.source.includes("html")).length);
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("signed-in responses carry them too: a TOC member's pages, prefetches and CSV", async ({ page }) => {
  await signInAs(page, "toby-toc");
  const cases: Case[] = [
    { kind: "signed-in page", path: "/toc", status: 200, type: /^text\/html/ },
    { kind: "signed-in page", path: "/my-work", status: 200, type: /^text\/html/ },
    {
      kind: "signed-in browser prefetch",
      path: "/toc",
      headers: { purpose: "prefetch" },
      status: 200,
      type: /^text\/html/,
    },
    {
      kind: "signed-in router prefetch without RSC",
      path: "/notifications",
      headers: { "next-router-prefetch": "1" },
      status: 200,
      type: /^text\/html/,
    },
    { kind: "signed-in CSV", path: "/toc/tags.csv", status: 200, type: /^text\/csv/ },
    { kind: "signed-in error page", path: "/toc/no-such-tag", status: 404, type: /^text\/html/ },
  ];
  const found: Record<string, string[]> = {};
  for (const c of cases) {
    const p = await problems(await page.request.get(c.path, { headers: c.headers, maxRedirects: 0 }), c);
    if (p.length) found[`${c.kind} ${c.path}`] = p;
  }
  expect(found).toEqual({});
});
