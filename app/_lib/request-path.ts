import "server-only";
import { headers } from "next/headers";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";

/**
 * The path and query of the page being rendered, for a layout's sign-in redirect (layouts are not
 * given the URL). proxy.ts sets the header on every page request; without it this is the start
 * page, and like every return address it is a path on the portal (lib/auth/callback-url.ts).
 */
export async function requestPath(): Promise<string> {
  return safeCallbackPath((await headers()).get("x-request-path"), env().NEXTAUTH_URL);
}
