import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { DeleteAccountSchema, ProfileSchema, type ProfileInput } from "./schemas";

function invalid(error: z.ZodError): AppError {
  const flat = z.flattenError(error);
  return new AppError("INVALID", "Some fields need attention.", flat.fieldErrors as Record<string, string[]>);
}

/**
 * Saves the actor's own profile; there is no user id to pass, so nobody edits anyone else's.
 * Input is parsed again here (the schema is idempotent), so a caller that skipped the form
 * still cannot save an invalid profile. A changed employer closes the open history row at
 * `now` and opens a new one; the row lock makes concurrent saves take turns.
 */
export async function updateProfile(actor: Actor | null, input: ProfileInput): Promise<ProfileInput> {
  const me = await requirePermission(actor, "profile.edit", { subjectType: "User", subjectId: actor?.id ?? null });
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const p = parsed.data;
  const at = await now();
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { employer: string | null }[]
    >`SELECT employer FROM "User" WHERE id = ${me.id}::uuid FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new AppError("NOT_FOUND", "Your account no longer exists.");
    await tx.user.update({
      where: { id: me.id },
      data: {
        region: p.region,
        timezone: p.timezone,
        employer: p.employer,
        skills: p.skills,
        interests: p.interests,
        languages: p.languages,
        hoursPerMonth: p.hoursPerMonth,
        bio: p.bio,
      },
    });
    if (current.employer !== p.employer) {
      await tx.employerHistory.updateMany({ where: { userId: me.id, to: null }, data: { to: at } });
      if (p.employer) await tx.employerHistory.create({ data: { userId: me.id, employer: p.employer, from: at } });
    }
  });
  return p;
}

/**
 * Deletes the actor's own account after they typed their login. Sessions, notifications,
 * contributions, employer history and role assignments go with the user row (cascades), and
 * mail addressed to them leaves the outbox. The audit event keeps only the old id, which no
 * longer leads to a person (docs/architecture.md, "People and identity": audit events keep a pseudonymous id).
 */
export async function deleteAccount(actor: Actor | null, confirmLogin: string): Promise<void> {
  const me = await requirePermission(actor, "account.delete", { subjectType: "User", subjectId: actor?.id ?? null });
  const parsed = DeleteAccountSchema.safeParse({ confirmLogin });
  if (!parsed.success) throw invalid(parsed.error);
  const at = await now();
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { login: string; email: string | null }[]
    >`SELECT login, email FROM "User" WHERE id = ${me.id}::uuid FOR UPDATE`;
    const user = rows[0];
    if (!user) throw new AppError("NOT_FOUND", "Your account no longer exists.");
    if (parsed.data.confirmLogin.toLowerCase() !== user.login.toLowerCase()) {
      throw new AppError("INVALID", "Nothing was deleted: the login you typed is not yours.", {
        confirmLogin: [`Type your login, ${user.login}, to confirm.`],
      });
    }
    await recordAudit(tx, { at, actorId: me.id, action: "account.delete", subjectType: "User", subjectId: me.id });
    // Addresses are not unique: keep mail another account still receives at the same address.
    if (user.email && (await tx.user.count({ where: { email: user.email, id: { not: me.id } } })) === 0) {
      await tx.mailMessage.deleteMany({ where: { to: user.email } });
    }
    await tx.user.delete({ where: { id: me.id } });
  });
}
