import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError, invalidInput } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import { withdrawDecisions } from "@/lib/decisions/decisions";
import { seatSummarySelect } from "@/lib/roles/seats";
import type { Actor } from "@/lib/auth/permissions";
import { notifyFreedPlaces, releaseClaimsOfLeaver } from "@/lib/help-wanted/claims";
import { notifyLeads } from "@/lib/help-wanted/notify-leads";
import { FORMER_MEMBER, roleName, SEAT_TAKEN_STATUSES, type Same } from "@/lib/vocabulary";
import { DeleteAccountSchema, ProfileSchema, type ProfileInput } from "@/lib/people/schemas";

/**
 * Saves the actor's own profile; there is no user id to pass, so nobody edits anyone else's.
 * Input is parsed again here (the schema is idempotent), so a caller that skipped the form
 * still cannot save an invalid profile. A changed employer closes the open history row at
 * `now` and opens a new one; the row lock makes concurrent saves take turns.
 */
export async function updateProfile(actor: Actor | null, input: ProfileInput): Promise<ProfileInput> {
  const me = await requirePermission(actor, "profile.edit", { subjectType: "User", subjectId: actor?.id ?? null });
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const p = parsed.data;
  const at = await now();
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { employer: string | null }[]
    >`SELECT employer FROM "User" WHERE id = ${me.id}::uuid FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new AppError("NOT_FOUND", "Your account no longer exists.");
    // The strict schema's fields are the profile's columns, so the parsed input is the update;
    // the check below stops a field added to the schema from reaching the row unreviewed.
    await tx.user.update({ where: { id: me.id }, data: p });
    if (current.employer !== p.employer) {
      await tx.employerHistory.updateMany({ where: { userId: me.id, to: null }, data: { to: at } });
      if (p.employer) await tx.employerHistory.create({ data: { userId: me.id, employer: p.employer, from: at } });
    }
  });
  return p;
}

/** The columns a person edits on their own profile: ProfileSchema holds exactly these. */
type ProfileColumn =
  | "region"
  | "country"
  | "countryPublic"
  | "timezone"
  | "employer"
  | "skills"
  | "interests"
  | "languages"
  | "hoursPerMonth"
  | "bio";
const _profileIsItsColumns: Same<keyof ProfileInput, ProfileColumn> = true;

/**
 * The GitHub id a deleted account's row keeps: negative (GitHub's ids are positive), unique, so a
 * later sign-in with the same GitHub account starts a new, empty profile.
 */
const retiredGithubId = (userId: string) => -BigInt(`0x${userId.replace(/-/g, "").slice(0, 15)}`);

/**
 * Deletes the actor's own account after they typed their login, keeping the TAGs' record
 * (docs/decisions/011). Personal data goes: profile fields, email, employer history, sessions,
 * notifications, hidden items, mail to them, and their login wherever an audit event wrote it.
 * The row stays as "former member" with no GitHub identity, so the TAG's leadership history and
 * counted contributions keep their place; held seats end, open claims are released (their places
 * free again) and nominations in elections not yet voting are withdrawn. Audit events keep the id.
 */
export async function deleteAccount(actor: Actor | null, confirmLogin: string): Promise<void> {
  const me = await requirePermission(actor, "account.delete", { subjectType: "User", subjectId: actor?.id ?? null });
  const parsed = DeleteAccountSchema.safeParse({ confirmLogin });
  if (!parsed.success) throw invalidInput(parsed.error);
  const at = await now();
  const { freed, seats } = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { login: string; email: string | null; deletedAt: Date | null }[]
    >`SELECT login, email, "deletedAt" FROM "User" WHERE id = ${me.id}::uuid FOR UPDATE`;
    const user = rows[0];
    if (!user || user.deletedAt) throw new AppError("NOT_FOUND", "Your account no longer exists.");
    if (parsed.data.confirmLogin.toLowerCase() !== user.login.toLowerCase()) {
      throw new AppError("INVALID", "Nothing was deleted: the login you typed is not yours.", {
        confirmLogin: [`Type your login, ${user.login}, to confirm.`],
      });
    }
    const freed = await releaseClaimsOfLeaver(tx, me.id, at);
    const seats = await endSeatsOfLeaver(tx, me.id, at);
    await tx.nomination.updateMany({
      where: { userId: me.id, status: "active", election: { phase: { in: ["draft", "nominations"] } } },
      data: { status: "withdrawn", withdrawnAt: at },
    });
    // Addresses are not unique: keep mail another account still receives at the same address.
    if (user.email && (await tx.user.count({ where: { email: user.email, id: { not: me.id } } })) === 0) {
      await tx.mailMessage.deleteMany({ where: { to: user.email } });
    }
    await Promise.all([
      tx.session.deleteMany({ where: { userId: me.id } }),
      tx.notification.deleteMany({ where: { userId: me.id } }),
      tx.employerHistory.deleteMany({ where: { userId: me.id } }),
      tx.hiddenItem.deleteMany({ where: { userId: me.id } }),
    ]);
    await tx.user.update({
      where: { id: me.id },
      data: {
        githubId: retiredGithubId(me.id),
        login: FORMER_MEMBER.login,
        name: FORMER_MEMBER.name,
        email: null,
        avatarUrl: null,
        region: null,
        country: null,
        countryPublic: false,
        timezone: null,
        employer: null,
        bio: "",
        skills: [],
        interests: [],
        languages: [],
        hoursPerMonth: null,
        ambassadorVerifiedAt: null,
        isAdmin: false,
        isTocMember: false,
        isCncfAmbassador: false,
        preferredKinds: [],
        matchOptOut: true,
        digestOptIn: false,
        deletedAt: at,
      },
    });
    await forgetLoginInAudit(tx, user.login);
    await recordAudit(tx, { at, actorId: me.id, action: "account.delete", subjectType: "User", subjectId: me.id });
    return { freed, seats };
  });
  await notifyFreedPlaces(freed, at);
  for (const s of seats)
    await notifyLeads(
      db,
      [s.tagId],
      {
        kind: "roster.end",
        title: `A ${s.role} seat is vacant`,
        body: "Its holder deleted their account; the seat ended and the roster keeps it as a former member's.",
        link: `/tags/${s.tagSlug}`,
      },
      at,
    );
}

/**
 * Ends the seats a leaver holds or awaits (active, on leave, pending), each audited with the
 * reason. The seats stay on the roster's history as a former member's.
 */
async function endSeatsOfLeaver(tx: Tx, userId: string, at: Date) {
  const seats = await tx.roleAssignment.findMany({
    where: { userId, status: { in: [...SEAT_TAKEN_STATUSES] } },
    select: seatSummarySelect,
  });
  for (const s of seats) {
    await tx.roleAssignment.update({
      where: { id: s.id },
      data: { status: "ended", endedAt: at, endReason: "Account deleted" },
    });
    // An appointment still awaiting the TOC: its vote has nothing left to decide.
    if (s.status === "pending")
      await withdrawDecisions(tx, s.id, { actorId: userId, reason: "the appointee deleted their account" });
    await recordAudit(tx, {
      at,
      actorId: userId,
      action: "roster.end",
      subjectType: "RoleAssignment",
      subjectId: s.id,
      tagId: s.tagId,
      before: { status: s.status },
      after: { status: "ended", reason: "account deleted" },
    });
  }
  return seats.map((s) => ({ tagId: s.tagId, tagSlug: s.tag.slug, role: roleName(s.kind, s.roleDefinition?.name) }));
}

/**
 * Rewrites the login out of every audit event's before/after (docs/decisions/011): the database
 * trigger allows this one change, computed by itself, while `tagportal.forget_login` is set in
 * this transaction. GitHub logins only (letters, digits, hyphens), as the trigger checks.
 */
async function forgetLoginInAudit(tx: Tx, login: string): Promise<void> {
  if (!/^[A-Za-z0-9-]{1,39}$/.test(login)) return;
  const pattern = `"@?${login}"`;
  await tx.$queryRaw`SELECT set_config('tagportal.forget_login', ${login}, true)`;
  await tx.$executeRaw`
    UPDATE "AuditEvent" SET "after" = "after"
     WHERE "before"::text ~* ${pattern} OR "after"::text ~* ${pattern}`;
  await tx.$queryRaw`SELECT set_config('tagportal.forget_login', '', true)`;
}
