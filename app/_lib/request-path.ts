import "server-only";
import { headers } from "next/headers";

/**
 * The path and query of the page being rendered, for a layout's sign-in redirect (layouts are not
 * given the URL). proxy.ts sets the header on every page request; requests it skips (prefetches)
 * fall back to the start page, and only same-site paths are used.
 */
export async function requestPath(): Promise<string> {
  const path = (await headers()).get("x-request-path");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
