import { z } from "zod";

/**
 * GitHub logins as people type them: "@Bea-Ambassador", "bea-ambassador" and " bea-ambassador "
 * all name the same person. GitHub compares logins without case, and so do the portal's look-ups
 * (`findPersonByLogin`), so the case is kept as typed. The shape (letters, digits, single inner
 * hyphens, at most 39) also keeps `%` and `_` out of case-insensitive queries.
 */
export const GITHUB_LOGIN_RE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** The login in `text` without spaces or a leading "@", or null when it cannot be a GitHub login. */
export function parseLogin(text: string): string | null {
  const login = text.trim().replace(/^@/, "");
  return GITHUB_LOGIN_RE.test(login) ? login : null;
}

/** A typed GitHub login as a form field: "@" and surrounding spaces dropped, then checked. */
export const githubLogin = (message = "Enter a GitHub login, such as @octocat") =>
  z
    .string()
    .transform((s) => s.trim().replace(/^@/, ""))
    .pipe(z.string().regex(GITHUB_LOGIN_RE, message));

/** GitHub logins from a pasted list: newline, comma, semicolon or space separated, each with an optional "@". */
export function parseLogins(text: string): { logins: string[]; invalid: string[] } {
  const logins: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    if (!raw.trim()) continue;
    const login = parseLogin(raw);
    if (!login) invalid.push(raw.trim().replace(/^@/, ""));
    else if (!logins.some((l) => l.toLowerCase() === login.toLowerCase())) logins.push(login);
  }
  return { logins, invalid };
}
