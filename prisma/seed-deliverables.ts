/**
 * Demo data for holder reports (issue 21 point 4): the roles of TAG Developer Experience name the
 * deliverables their holders report on each quarter, so `/me/reports` and the leads' reports page
 * show something. One TAG only: the others keep roles without deliverables, as a TAG that has not
 * defined any, and their holders are not asked for reports. Idempotent: a role that already names
 * deliverables is left alone.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";

export const DELIVERABLES_DEMO_TAG = "developer-experience";

const DELIVERABLES = {
  chair: "- Chair the fortnightly TAG meeting and publish its notes\n- The TAG's annual report to the TOC",
  tech_lead: "- Two reviews of project presentations a quarter\n- Keep one TAG initiative moving to its next milestone",
  tag_ambassador:
    "- One talk or blog post about the TAG's work a quarter\n- Bring one new contributor to a TAG meeting",
} as const;

export async function seedDeliverables(db: PrismaClient): Promise<void> {
  const tag = await db.tag.findUnique({ where: { slug: DELIVERABLES_DEMO_TAG }, select: { id: true } });
  if (!tag) throw new Error("seedDeliverables: run the main seed first");
  for (const [kind, deliverables] of Object.entries(DELIVERABLES))
    await db.roleDefinition.updateMany({
      where: { tagId: tag.id, kind: kind as keyof typeof DELIVERABLES, supersededAt: null, deliverables: "" },
      data: { deliverables },
    });
}
