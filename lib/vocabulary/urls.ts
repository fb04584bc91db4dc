import { z } from "zod";

/**
 * Links people type (progress and evidence links, decision links, check-in links, mailing lists,
 * self-reported contributions) are rendered as `href`s, so only `http:` and `https:` are accepted:
 * `z.url()` alone lets `javascript:`, `data:` and any other scheme through (docs/security.md, I5).
 */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** A trimmed http(s) URL of at most `max` characters; `message` says what to type instead. */
export function httpUrl(message = "Enter an http:// or https:// link", max = 2000) {
  return z
    .string(message)
    .trim()
    .max(max, `Keep the link under ${max.toLocaleString("en")} characters`)
    .refine(isHttpUrl, message);
}
