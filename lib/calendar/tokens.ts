import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";

/** Only this hash is stored: a leaked database does not reveal anyone's calendar link. */
export function calendarTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const calendarPath = (token: string) => `/me/calendar/${token}.ics`;

/**
 * Gives the person a new private calendar link, replacing (revoking) any earlier one. The token
 * is returned once, to be shown once: only its hash is kept.
 */
export async function resetCalendarToken(actor: Actor | null): Promise<{ url: string }> {
  const a = await requirePermission(actor, "profile.edit", { subjectType: "CalendarToken", subjectId: actor?.id });
  const at = await now();
  const token = randomBytes(32).toString("base64url");
  const tokenHash = calendarTokenHash(token);
  await db.$transaction(async (tx) => {
    const before = await tx.calendarToken.findUnique({ where: { userId: a.id }, select: { createdAt: true } });
    await tx.calendarToken.upsert({
      where: { userId: a.id },
      create: { userId: a.id, tokenHash, createdAt: at },
      update: { tokenHash, createdAt: at },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "calendar.reset",
      subjectType: "CalendarToken",
      subjectId: a.id,
      ...(before ? { before: { createdAt: before.createdAt.toISOString() } } : {}),
      after: { createdAt: at.toISOString() },
    });
  });
  return { url: `${env().NEXTAUTH_URL.replace(/\/+$/, "")}${calendarPath(token)}` };
}

/** When the person's current link was made, or null when they have none. */
export async function calendarTokenCreatedAt(userId: string): Promise<Date | null> {
  const t = await db.calendarToken.findUnique({ where: { userId }, select: { createdAt: true } });
  return t?.createdAt ?? null;
}
