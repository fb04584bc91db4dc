import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";

export interface WorkLink {
  href: string;
  label: string;
}

/**
 * The consoles a person works from, for the account menu on every page (issue 18, point 2): each
 * TAG they lead (the same seats that give the console's powers) and the TOC's decisions for a
 * member who votes on them. Admins reach every console from the admin page instead.
 */
export async function workLinks(actor: Actor): Promise<WorkLink[]> {
  const tags = actor.leadTagIds.length
    ? await db.tag.findMany({
        where: { id: { in: [...actor.leadTagIds] } },
        orderBy: { name: "asc" },
        select: { slug: true, name: true },
      })
    : [];
  const links = tags.map((t) => ({ href: `/manage/${t.slug}`, label: `Lead console: ${t.name}` }));
  if (can(actor, "decision.vote")) links.push({ href: "/toc/decisions", label: "TOC decisions" });
  return links;
}
