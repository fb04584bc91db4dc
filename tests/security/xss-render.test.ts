import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { ItemCard } from "@/components/help-wanted/item-card";

/**
 * docs/security.md, X1 and X2, at the render layer: hostile text that people type and others read
 * renders inert. Rich-text fields (item bodies, progress updates, nomination statements, role
 * responsibilities, lead updates) go through <Markdown>; every other typed field (names, bios,
 * initiative texts, liaison and check-in notes, decision notes, TAG settings texts) is a React text
 * child, which is escaped unless something bypasses React: the second part finds any such bypass.
 */
const CORPUS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  "[click](javascript:window.__xss=1)",
  "[click](JaVaScRiPt:window.__xss=1)",
  "[click](  javascript:window.__xss=1)",
  "[click](&#106;avascript:window.__xss=1)",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[vb](vbscript:msgbox(1))",
  '<a href="javascript:window.__xss=1">x</a>',
  "<svg onload=window.__xss=1>",
  '"><iframe srcdoc="<script>parent.__xss=1</script>">',
  "<object data=javascript:window.__xss=1></object><embed src=javascript:window.__xss=1>",
  "<style>body{background:url(javascript:alert(1))}</style>",
  "![x](javascript:window.__xss=1)",
  "<https://example.org/auto>",
  "[ref][r]\n\n[r]: javascript:window.__xss=1",
  '<div onmouseover="window.__xss=1">hover</div>',
  "`<script>in code</script>`",
];

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

/** Why `html` is not inert, or null. */
function hazard(html: string): string | null {
  const tag = /<(script|iframe|svg|img|object|embed|style|form|input|base|meta|link)\b/i.exec(html);
  if (tag) return `element <${tag[1]}>`;
  const handler = /<[^>]*\son[a-z]+\s*=/i.exec(html);
  if (handler) return `event handler in ${handler[0]}`;
  for (const m of html.matchAll(/\s(href|src|action|formaction)="([^"]*)"/gi)) {
    const url = m[2]!.replace(/&amp;/g, "&").trim();
    if (!/^(https?:|mailto:|\/|#|$)/i.test(url) && /^[a-z][a-z0-9+.-]*:/i.test(url)) return `${m[1]}="${url}"`;
  }
  return null;
}

describe("hostile text renders inert", () => {
  it.each(CORPUS)("markdown: %s", (input) => {
    const html = render(`before ${input} after`);
    expect(hazard(html)).toBeNull();
    // Refused markup is dropped or shown as text, never the surrounding words.
    expect(html).toContain("before");
    expect(html).toContain("after");
  });

  it("the checker itself sees each hazard (so the cases above can fail)", () => {
    expect(hazard('<p><img src="x" onerror="a()"></p>')).toMatch(/img/);
    expect(hazard('<a href="javascript:a()">x</a>')).toMatch(/javascript/);
    expect(hazard('<a href=" JAVASCRIPT:a()">x</a>')).toMatch(/javascript/i);
    expect(hazard('<p onclick="a()">x</p>')).toMatch(/handler/);
    expect(hazard('<a href="https://example.org">x</a><a href="/help-wanted">y</a>')).toBeNull();
  });

  it("safe links survive, marked nofollow", () => {
    const html = render("[safe](https://example.org/safe) and [mail](mailto:a@example.org)");
    expect(html).toContain('href="https://example.org/safe"');
    expect(html).toContain('href="mailto:a@example.org"');
    expect(html).toContain('rel="nofollow ugc noopener"');
  });

  it("plain text: an item card with the corpus in its title, excerpt, skills and TAG name", () => {
    const text = CORPUS.join(" ");
    const html = renderToStaticMarkup(
      createElement(ItemCard, {
        item: {
          id: "0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c",
          title: text,
          kind: "review",
          status: "open",
          skills: [text],
          effortHours: null,
          region: null,
          dueAt: null,
          places: 1,
          placesTaken: 0,
          createdAt: new Date("2026-01-01T00:00:00Z"),
          tags: [{ slug: "security", name: text }],
          excerpt: text,
          overdue: false,
          githubIssue: null,
        },
      }),
    );
    expect(hazard(html)).toBeNull();
    expect(html).toContain("&lt;script&gt;");
  });

  it("plain-text fields: nothing in the UI bypasses React's escaping", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const offenders: string[] = [];
    for (const dir of ["app", "components"]) {
      for (const f of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })) {
        if (!/\.(tsx?|jsx?)$/.test(f)) continue;
        const text = fs.readFileSync(path.join(root, dir, f), "utf8");
        if (/dangerouslySetInnerHTML|["']rehype-raw["']|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(text))
          offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
