/**
 * Where to go after signing in (or out), as a path on the portal: the one check of every
 * `callbackUrl` the portal reads (sign-in page, next-auth's redirect callback). The address is
 * resolved against the portal's origin as a browser would resolve it, so `//evil.example`,
 * `/\evil.example`, `https://evil.example` and `javascript:` all become `/`.
 */
export function safeCallbackPath(raw: string | null | undefined, portalUrl: string): string {
  if (!raw) return "/";
  const origin = new URL(portalUrl).origin;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}
