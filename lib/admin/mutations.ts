import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { githubLookupApi } from "@/lib/github-access/tokens";
import { githubLoginResolver } from "@/lib/auth/github-logins";
import { upsertGithubUser } from "@/lib/people/github-users";
import type { GrantRoleInput, ImportAmbassadorsInput, VerifyAmbassadorInput } from "./schemas";

const FIELD = { toc: "isTocMember", admin: "isAdmin" } as const;

/** An admin's change to one person's global roles or verification is audited with the person as its subject. */
const personChange = (at: Date, admin: Actor, action: AuditAction, userId: string) => ({
  at,
  actorId: admin.id,
  action,
  subjectType: "User",
  subjectId: userId,
});

/**
 * Admins grant or revoke the TOC and admin roles. The last admin cannot be removed; nobody
 * changes their own global roles. Serialized with a row lock so two admins removing each
 * other at once cannot leave none.
 */
export async function setGlobalRole(actor: Actor | null, input: GrantRoleInput) {
  const subject = { subjectType: "User", subjectId: input.userId };
  const a = await requirePermission(actor, "user.grant-role", subject);
  if (input.userId === a.id) await refuseByGuard(a, "user.grant-role", subject, "Nobody changes their own roles.");
  const at = await now();
  const field = FIELD[input.role];
  return db.$transaction(async (tx) => {
    // Lock every admin row: concurrent removals queue here and re-count.
    await tx.$queryRaw`SELECT id FROM "User" WHERE "isAdmin" = true FOR UPDATE`;
    const target = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, login: true, isAdmin: true, isTocMember: true },
    });
    if (!target) throw new AppError("NOT_FOUND", "That person does not exist.");
    if (input.role === "admin" && !input.grant && target.isAdmin) {
      const admins = await tx.user.count({ where: { isAdmin: true } });
      if (admins <= 1) throw new AppError("CONFLICT", "This is the last admin: grant the role to someone else first.");
    }
    const before = target[field];
    await tx.user.update({ where: { id: target.id }, data: { [field]: input.grant } });
    await recordAudit(tx, {
      ...personChange(at, a, input.grant ? "user.grant-role" : "user.revoke-role", target.id),
      before: { [input.role]: before },
      after: { [input.role]: input.grant },
    });
    return { login: target.login, role: input.role, granted: input.grant };
  });
}

/** Admins verify (or un-verify) one person as a CNCF Ambassador. */
export async function setAmbassador(actor: Actor | null, input: VerifyAmbassadorInput) {
  const a = await requirePermission(actor, "ambassador.verify", { subjectType: "User", subjectId: input.userId });
  const at = await now();
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, login: true, isCncfAmbassador: true },
    });
    if (!target) throw new AppError("NOT_FOUND", "That person does not exist.");
    await tx.user.update({
      where: { id: target.id },
      data: { isCncfAmbassador: input.verified, ambassadorVerifiedAt: input.verified ? at : null },
    });
    await recordAudit(tx, {
      ...personChange(at, a, input.verified ? "ambassador.verify" : "ambassador.unverify", target.id),
      before: { isCncfAmbassador: target.isCncfAmbassador },
      after: { isCncfAmbassador: input.verified },
    });
    return { login: target.login, verified: input.verified };
  });
}

/**
 * Verifies a list of GitHub logins as CNCF Ambassadors. Each login is resolved to GitHub's
 * numeric id (GET /users/{login}); people who never signed in get an account row keyed on the
 * id. Logins GitHub does not know are reported, never guessed.
 */
export async function importAmbassadors(actor: Actor | null, input: ImportAmbassadorsInput) {
  const a = await requirePermission(actor, "ambassador.verify", { subjectType: "User" });
  const at = await now();
  const logins = [...new Set(input.logins.map((l) => l.toLowerCase()))];
  const resolved = await githubLoginResolver(await githubLookupApi())(logins);
  const unresolved: string[] = [];
  const verified: string[] = [];
  for (const login of logins) {
    const gh = resolved.get(login);
    if (!gh || "error" in gh) {
      unresolved.push(login);
      continue;
    }
    await db.$transaction(async (tx) => {
      const user = await upsertGithubUser(tx, gh, { isCncfAmbassador: true, ambassadorVerifiedAt: at }, at);
      await recordAudit(tx, {
        ...personChange(at, a, "ambassador.verify", user.id),
        after: { isCncfAmbassador: true, via: "import", login: gh.login },
      });
    });
    verified.push(gh.login);
  }
  return { verified, unresolved };
}
