import { requestPath } from "@/app/_lib/request-path";
import { Forbidden } from "@/components/forbidden";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/**
 * Everything in (admin) is for portal admins (pages a TAG lead or TOC member may also open, the
 * audit log and GitHub sync, sit in (portal)). Defence in depth only: a layout is not rendered
 * again when the browser moves between pages under it, so every page and every lib operation still
 * checks the permission table itself.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireUser(await requestPath());
  if (!can(await getActor(), "tag.manage")) return <Forbidden what="the admin console" />;
  return children;
}
