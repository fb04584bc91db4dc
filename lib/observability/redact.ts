/**
 * What must never reach a log line: tokens, email addresses, ballot contents (SECURITY.md).
 * Pure, so the logger, the access log and the tests share one definition.
 */

/** Object keys whose values are dropped whatever they hold. */
export const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "id_token",
  "code",
  "state",
  "code_verifier",
  "password",
  "secret",
  "clientSecret",
  "client_secret",
  "email",
  "ballot",
  "ballots",
  "rankings",
  "ranking",
  "receipt",
] as const;

const secretKeys = new Set<string>(SECRET_KEYS.map((k) => k.toLowerCase()));
export const REDACTED = "[redacted]";

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const BEARER = /\b(Bearer|token|Basic)\s+[\w.~+/=-]{8,}/gi;
const URL_PASSWORD = /(\b[a-z][\w+.-]*:\/\/[^:/?#\s@]*:)[^@/\s]+@/gi;
/** Query parameters that carry OAuth codes, CSRF state or tokens. */
const SECRET_PARAM = /([?&](?:code|state|token|access_token|id_token|callbackUrl|email)=)[^&#\s"]*/gi;
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;

/** A string with every secret-looking part replaced. */
export function scrubString(s: string): string {
  return s
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(SECRET_PARAM, `$1${REDACTED}`)
    .replace(EMAIL, "[email]");
}

/** A copy of a log record with secret keys dropped and strings scrubbed (bounded depth). */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubString(value);
  if (value === null || typeof value !== "object" || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error) return scrubError(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = secretKeys.has(k.toLowerCase()) ? REDACTED : scrub(v, depth + 1);
  return out;
}

function scrubError(e: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { type: e.name, message: scrubString(e.message) };
  if (e.stack) out.stack = scrubString(e.stack);
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string") out.code = code;
  if (e.cause !== undefined) out.cause = scrub(e.cause, 1);
  return out;
}

/** A URL path for logs and metrics: the query's keys only, never its values. */
export function pathForLog(target: string): string {
  const q = target.indexOf("?");
  if (q < 0) return target;
  const keys = [...new URLSearchParams(target.slice(q + 1)).keys()];
  return `${target.slice(0, q)}${keys.length ? `?${keys.join("&")}` : ""}`;
}
