import "server-only";
import { db } from "@/lib/db";

const seatSelect = {
  id: true,
  kind: true,
  status: true,
  startAt: true,
  termEndAt: true,
  requestedAt: true,
  decisionLink: true,
  endRequestedAt: true,
  endReason: true,
  regionAtStart: true,
  user: { select: { login: true, name: true, avatarUrl: true, region: true, employer: true } },
  tag: { select: { name: true, slug: true } },
} as const;

/** Chair and tech-lead seats of a TAG that are held or awaiting approval. */
export function listLeadershipSeats(tagId: string) {
  return db.roleAssignment.findMany({
    where: { tagId, kind: { in: ["chair", "tech_lead"] }, status: { in: ["pending", "active", "on_leave"] } },
    orderBy: [{ kind: "asc" }, { requestedAt: "asc" }],
    select: seatSelect,
  });
}

/** Leadership changes waiting for a TOC decision, across TAGs, oldest first. */
export function listPendingLeadershipChanges() {
  return db.roleAssignment.findMany({
    where: { kind: { in: ["chair", "tech_lead"] }, OR: [{ status: "pending" }, { endRequestedAt: { not: null }, status: { in: ["active", "on_leave"] } }] },
    orderBy: { requestedAt: "asc" },
    select: seatSelect,
  });
}
