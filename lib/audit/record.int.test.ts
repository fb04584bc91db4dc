import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit, recordRefusal } from "./record";

describe("audit log", () => {
  it("records who did what to which subject, with before and after, in UTC", async () => {
    const at = new Date("2026-05-01T12:00:00Z");
    await db.$transaction((tx) =>
      recordAudit(tx, {
        at,
        actorId: null,
        action: "tag.update",
        subjectType: "Tag",
        subjectId: "t1",
        before: { name: "a" },
        after: { name: "b" },
      }),
    );
    const row = await db.auditEvent.findFirstOrThrow({ where: { subjectId: "t1" } });
    expect(row).toMatchObject({ action: "tag.update", outcome: "ok", before: { name: "a" }, after: { name: "b" } });
    expect(row.at.toISOString()).toBe("2026-05-01T12:00:00.000Z");
  });

  it("rolls the event back with the change it describes", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, {
          at: new Date(),
          actorId: null,
          action: "tag.update",
          subjectType: "Tag",
          subjectId: "rolled-back",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { subjectId: "rolled-back" } })).toBe(0);
  });

  it("keeps refused attempts with their reason", async () => {
    await recordRefusal(db, {
      at: new Date(),
      actorId: null,
      action: "roster.appoint",
      subjectType: "Tag",
      subjectId: "refused-1",
      reason: "FORBIDDEN",
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { subjectId: "refused-1" } })).toMatchObject({
      outcome: "refused",
      reason: "FORBIDDEN",
    });
  });

  it("is append-only: the database refuses updates and deletes", async () => {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        at: new Date(),
        actorId: null,
        action: "tag.update",
        subjectType: "Tag",
        subjectId: "immutable",
      }),
    );
    const row = await db.auditEvent.findFirstOrThrow({ where: { subjectId: "immutable" } });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "forged" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("tag.update");
  });

  it("the one exception, forgetting a deleted account's login, can change nothing else", async () => {
    const row = await db.auditEvent.create({
      data: {
        at: new Date(),
        actorId: null,
        action: "roster.leave",
        subjectType: "RoleAssignment",
        subjectId: "forget-me",
        after: { login: "Leaver-1", others: ["@leaver-1", "stayer"], note: "Leaver-1 wrote this" },
      },
    });
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('tagportal.forget_login', 'leaver-1', true)`;
      await tx.auditEvent.update({ where: { id: row.id }, data: { action: "forged", subjectId: "moved" } });
    });
    const after = await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ action: "roster.leave", subjectId: "forget-me" });
    // Whole values equal to the login (or @login) go; other text stays as written.
    expect(after.after).toEqual({
      login: "deleted account",
      others: ["deleted account", "stayer"],
      note: "Leaver-1 wrote this",
    });
    // Outside that transaction the table is append-only again.
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "forged" } })).rejects.toThrow(
      /append-only/,
    );
  });
});
