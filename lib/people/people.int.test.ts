import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { createTag, createUser, insertClaim, insertItem, insertRecord } from "@/tests/factories";
import { activityFor } from "@/lib/contributions/activity";
import { searchAuditEvents } from "@/lib/admin/audit-log";
import { deleteAccount, updateProfile } from "@/lib/accounts/mutations";
import { findPublicProfile, getOwnProfile } from "@/lib/accounts/queries";
import type { ProfileInput } from "./schemas";
import { DAY } from "@/lib/vocabulary";

const profile: ProfileInput = {
  region: "APAC",
  country: "JP",
  countryPublic: false,
  timezone: "Asia/Tokyo",
  employer: null,
  skills: ["Kubernetes", "Technical writing"],
  interests: ["Observability"],
  languages: ["Japanese", "English"],
  hoursPerMonth: 12,
  bio: "Docs and meetups.",
};

async function actorFor(userId: string): Promise<Actor> {
  const actor = await loadActor(userId);
  if (!actor) throw new Error("no such user");
  return actor;
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const history = (userId: string) =>
  db.employerHistory.findMany({
    where: { userId },
    orderBy: { from: "asc" },
    select: { employer: true, from: true, to: true },
  });

describe("profiles", () => {
  it("saves the actor's own profile", async () => {
    const u = await createUser();
    await updateProfile(await actorFor(u.id), { ...profile, timezone: "asia/tokyo" } as ProfileInput);
    expect(await getOwnProfile(u.id)).toMatchObject({ ...profile, employers: [] });
  });

  it("saves nothing when any field is invalid", async () => {
    const u = await createUser({ region: "EMEA", timezone: "Europe/Berlin" });
    const before = await getOwnProfile(u.id);
    const actor = await actorFor(u.id);
    const bad: ProfileInput[] = [
      { ...profile, employer: "New Co", timezone: "Mars/Olympus_Mons" },
      { ...profile, employer: "New Co", region: "Antarctica" as never },
      { ...profile, employer: "New Co", skills: Array.from({ length: 16 }, (_, i) => `s${i}`) },
      { ...profile, employer: "New Co", bio: "x".repeat(1001) },
    ];
    const fields: string[] = [];
    for (const input of bad) {
      const e = await rejection(updateProfile(actor, input));
      expect(e.code).toBe("INVALID");
      fields.push(...Object.keys(e.fieldErrors));
    }
    expect(fields).toEqual(["timezone", "region", "skills", "bio"]);
    expect(await getOwnProfile(u.id)).toEqual(before);
    expect(await history(u.id)).toEqual([]);
  });

  it("keeps employer history: a change closes the open entry and opens a new one", async () => {
    const u = await createUser();
    const actor = await actorFor(u.id);
    await updateProfile(actor, { ...profile, employer: "Acme" });
    await updateProfile(actor, { ...profile, employer: "Acme", bio: "unchanged employer" });
    let rows = await history(u.id);
    expect(rows).toMatchObject([{ employer: "Acme", to: null }]);

    await updateProfile(actor, { ...profile, employer: "Globex" });
    rows = await history(u.id);
    expect(rows).toMatchObject([{ employer: "Acme" }, { employer: "Globex", to: null }]);
    expect(rows[0]!.to).toEqual(rows[1]!.from);

    await updateProfile(actor, { ...profile, employer: null });
    rows = await history(u.id);
    expect(rows.every((r) => r.to !== null)).toBe(true);
    expect((await getOwnProfile(u.id))!.employers.map((e) => e.employer)).toEqual(["Globex", "Acme"]);
  });

  it("leaves one open employer entry when two saves race", async () => {
    const u = await createUser();
    const actor = await actorFor(u.id);
    await Promise.all(["One", "Two", "Three"].map((employer) => updateProfile(actor, { ...profile, employer })));
    const rows = await history(u.id);
    const open = rows.filter((r) => r.to === null);
    expect(open).toHaveLength(1);
    expect(open[0]!.employer).toBe((await getOwnProfile(u.id))!.employer);
  });

  it("changes only the actor's own row: another user's id or a role in the input is refused", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    const actorA = await actorFor(a.id);
    const [beforeA, beforeB] = await Promise.all([getOwnProfile(a.id), getOwnProfile(b.id)]);
    for (const extra of [{ userId: b.id }, { id: b.id }, { isAdmin: true }, { role: "admin" }]) {
      const e = await rejection(updateProfile(actorA, { ...profile, ...extra } as ProfileInput));
      expect(e.code).toBe("INVALID");
    }
    expect(await getOwnProfile(a.id)).toEqual(beforeA);
    expect(await getOwnProfile(b.id)).toEqual(beforeB);
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).isAdmin).toBe(false);

    await updateProfile(actorA, profile);
    expect(await getOwnProfile(b.id)).toEqual(beforeB);
  });

  it("refuses a missing actor with an audit event and changes nothing", async () => {
    const e = await rejection(updateProfile(null, profile));
    expect(e.code).toBe("FORBIDDEN");
    expect(
      await db.auditEvent.count({ where: { action: "profile.edit", outcome: "refused", actorId: null } }),
    ).toBeGreaterThan(0);
  });

  it("deletes an account's personal data and keeps the TAG's record: seats, contributions, audit by id", async () => {
    const u = await createUser({ login: `Gone-${Date.now()}` });
    const other = await createUser({ email: null });
    const tag = await createTag();
    const actor = await actorFor(u.id);
    await updateProfile(actor, { ...profile, employer: "Acme" });
    await db.session.create({
      data: { userId: u.id, sessionToken: `tok-${u.id}`, expires: new Date(Date.now() + DAY) },
    });
    await db.notification.create({ data: { userId: u.id, kind: "test", title: "hi" } });
    await insertRecord(u.id, tag.id, "pr", new Date(Date.now() - DAY));
    const seat = await db.roleAssignment.create({
      data: { userId: u.id, tagId: tag.id, kind: "chair", status: "active", requestedAt: new Date() },
    });
    await db.mailMessage.create({ data: { to: u.email!, subject: "to the leaver", text: "x" } });
    // A held claim takes the item's only place; a request waits on another item.
    const at = new Date();
    const full = await insertItem(tag.id, {
      title: "Full item",
      kind: "review",
      status: "filled",
      places: 1,
      placesTaken: 1,
      createdAt: at,
    });
    const held = await insertClaim(full.id, u.id, "accepted", { createdAt: at });
    const open = await insertItem(tag.id, { title: "Open item", kind: "review", createdAt: at });
    const asked = await insertClaim(open.id, u.id, "requested", { createdAt: at });
    // An earlier audit event that wrote the login (as some operations do).
    await db.auditEvent.create({
      data: {
        at,
        actorId: other.id,
        action: "roster.leave",
        subjectType: "RoleAssignment",
        subjectId: seat.id,
        tagId: tag.id,
        after: { login: u.login, who: `@${u.login}`, note: "unchanged" },
      },
    });

    const wrong = await rejection(deleteAccount(actor, other.login));
    expect(wrong.code).toBe("INVALID");
    expect(wrong.fieldErrors.confirmLogin).toBeDefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).deletedAt).toBeNull();

    await deleteAccount(actor, `  ${u.login.toLowerCase()} `);
    // The row stays as a former member with no personal data and no GitHub identity.
    const row = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row).toMatchObject({
      login: "former member",
      name: "Former member",
      email: null,
      employer: null,
      region: null,
      country: null,
      timezone: null,
      bio: "",
      skills: [],
      hoursPerMonth: null,
    });
    expect(row.deletedAt).not.toBeNull();
    expect(row.githubId < 0n).toBe(true);
    expect(await db.user.count({ where: { githubId: u.githubId } })).toBe(0);
    const gone = await Promise.all([
      db.session.count({ where: { userId: u.id } }),
      db.notification.count({ where: { userId: u.id } }),
      db.employerHistory.count({ where: { userId: u.id } }),
      db.mailMessage.count({ where: { to: u.email! } }),
    ]);
    expect(gone).toEqual([0, 0, 0, 0]);
    // The TAG's record stays: the contribution still counts, the seat is history (ended, not deleted).
    expect((await activityFor(u.id, tag.id, { from: new Date(0), to: new Date(Date.now() + DAY) })).total).toBe(1);
    expect(await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).toMatchObject({
      status: "ended",
      endReason: "Account deleted",
    });
    // Open claims are given up and the place is free again.
    expect((await db.claim.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("released");
    expect((await db.claim.findUniqueOrThrow({ where: { id: asked.id } })).status).toBe("withdrawn");
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: full.id } })).toMatchObject({
      status: "open",
      placesTaken: 0,
    });
    // Audit events reference ids: the login is gone from every one, the deleted actor shows as such.
    const events = await db.auditEvent.findMany({ where: { OR: [{ actorId: u.id }, { subjectId: seat.id }] } });
    expect(events.length).toBeGreaterThanOrEqual(4);
    for (const e of events) expect(JSON.stringify(e).toLowerCase()).not.toContain(u.login.toLowerCase());
    const leave = events.find((e) => e.action === "roster.leave")!;
    expect(leave.after).toEqual({ login: "deleted account", who: "deleted account", note: "unchanged" });
    expect(leave.actorId).toBe(other.id);
    const auditor = await loadActor((await createUser({ isAdmin: true })).id);
    const shown = await searchAuditEvents(auditor, { action: "account.delete" });
    expect(shown.items.find((e) => e.actorId === u.id)!.actorLabel).toBe("deleted account");
    expect(await findPublicProfile(u.login)).toBeNull();
    expect(await findPublicProfile("former member")).toBeNull();
    expect(await db.user.count({ where: { id: other.id } })).toBe(1);

    const again = await rejection(deleteAccount(actor, u.login));
    expect(again.code).toBe("NOT_FOUND");
  });

  it("shows only public fields, matches logins ignoring case, and prefers the most recently updated row", async () => {
    const login = `Pub-${Date.now().toString(36)}`;
    const older = await createUser({ login });
    const newer = await createUser({ login: login.toLowerCase() });
    await updateProfile(await actorFor(older.id), { ...profile, employer: "Older Co" });
    await updateProfile(await actorFor(newer.id), { ...profile, employer: "Newer Co", hoursPerMonth: 99 });
    const [tag, other] = await Promise.all([createTag(), createTag()]);
    await insertRecord(newer.id, tag.id, "review", new Date(Date.now() - DAY));
    await insertRecord(newer.id, tag.id, "pr", new Date(Date.now() - 400 * DAY));
    await db.roleAssignment.create({
      data: { userId: newer.id, tagId: other.id, kind: "tag_ambassador", status: "active", requestedAt: new Date() },
    });

    const shown = await findPublicProfile(login.toUpperCase());
    expect(shown).not.toBeNull();
    expect(shown!.employer).toBe("Newer Co");
    expect(Object.keys(shown!).sort()).toEqual(
      [
        "activity",
        "avatarUrl",
        "bio",
        "bioHidden",
        "country",
        "employer",
        "interests",
        "login",
        "name",
        "region",
        "seats",
        "skills",
      ].sort(),
    );
    const text = JSON.stringify(shown);
    for (const secret of [newer.email!, "Asia/Tokyo", newer.id]) expect(text).not.toContain(secret);
    // Monthly hours are private: no field carries them (a bare "99" could appear inside a timestamp).
    expect(Object.values(shown!)).not.toContain(99);
    // The country is private until the person makes it public.
    expect(shown!.country).toBeNull();
    await updateProfile(await actorFor(newer.id), { ...profile, employer: "Newer Co", countryPublic: true });
    expect((await findPublicProfile(login))!.country).toBe("JP");
    // Activity per TAG: where the person contributed, and where they hold a seat (with nothing yet).
    expect(shown!.activity.map((a) => [a.tag.slug, a.days, a.status]).sort()).toEqual(
      [
        [tag.slug, { 30: 1, 90: 1, 365: 1 }, "quiet"],
        [other.slug, { 30: 0, 90: 0, 365: 0 }, "inactive"],
      ].sort(),
    );
    expect(shown!.activity.find((a) => a.tag.slug === tag.slug)!.rule).toBe("at least 3 contributions in 6 months");

    await db.user.update({ where: { id: older.id }, data: { name: "Renamed later" } });
    expect((await findPublicProfile(login))!.employer).toBe("Older Co");

    expect(await findPublicProfile("nobody-here-at-all")).toBeNull();
    expect(await findPublicProfile(login.replace("-", "_"))).toBeNull();
    expect(await findPublicProfile("%")).toBeNull();
  });
});
