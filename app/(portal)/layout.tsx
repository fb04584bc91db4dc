import { requestPath } from "@/app/_lib/request-path";
import { requireUser } from "@/lib/auth/session";

/**
 * Everything in (portal) needs a signed-in person: a visitor is sent to sign in and comes back.
 * Defence in depth only: a layout is not rendered again when the browser moves between pages under
 * it, so every page and every lib operation still checks who is asking, as it did before.
 */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await requireUser(await requestPath());
  return children;
}
