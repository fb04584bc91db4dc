import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { createTag, createUser } from "@/tests/factories";
import { createTag as createTagAsAdmin, updateTag } from "./mutations";
import { getTagSettings, listTags } from "./queries";
import { stampState } from "@/lib/cache/stamps";
import { TagSchema, TagSettingsSchema, UpdateTagSchema } from "./schemas";
import { updateTagSettings } from "./settings";
import { code } from "@/tests/fixtures";

async function seat(tagId: string, kind: "chair" | "tech_lead") {
  const u = await createUser();
  const at = new Date();
  await db.roleAssignment.create({
    data: { tagId, userId: u.id, kind, status: "active", requestedAt: at, startAt: at },
  });
  return u;
}

describe("TAG settings, versioned and audited", () => {
  it("a chair changes the activity rule and leave rule: the TAG, a new version with what changed, an audit event", async () => {
    const tag = await createTag();
    const chair = await seat(tag.id, "chair");
    const r = await updateTagSettings(
      await loadActor(chair.id),
      TagSettingsSchema.parse({
        tagId: tag.id,
        version: 0,
        activityMinRecords: "5",
        activityWindowMonths: "3",
        leaveCountsTowardCaps: "false",
        leadershipModel: "both",
        reason: "Agreed at the TAG meeting",
      }),
    );
    // Version 1 is the settings as they stood; version 2 the chair's change.
    expect(r).toMatchObject({ version: 2 });
    expect(new Set(r.changed)).toEqual(
      new Set(["activityMinRecords", "activityWindowMonths", "leaveCountsTowardCaps", "leadershipModel"]),
    );
    const t = await db.tag.findUniqueOrThrow({ where: { id: tag.id } });
    expect(t).toMatchObject({
      activityMinRecords: 5,
      activityWindowMonths: 3,
      leaveCountsTowardCaps: false,
      leadershipModel: "both",
      staleAfterDays: 21,
    });
    const view = (await getTagSettings(tag.slug))!;
    expect(view.version).toBe(2);
    expect(view.history.map((h) => h.version)).toEqual([2, 1]);
    expect(view.history[0]).toMatchObject({ by: `@${chair.login}`, reason: "Agreed at the TAG meeting" });
    expect(view.history[1]!.settings).toMatchObject({ activityMinRecords: 3, leaveCountsTowardCaps: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tag.settings", subjectId: tag.id } });
    expect(audit).toMatchObject({ actorId: chair.id, outcome: "ok", tagId: tag.id });
    expect(audit.before).toMatchObject({ version: 1, activityMinRecords: 3, leadershipModel: "appointment" });
    expect(audit.after).toMatchObject({ version: 2, activityMinRecords: 5, leadershipModel: "both" });
  });

  it("a tech lead of the TAG, a chair of another TAG and a TOC member are refused, each refusal audited", async () => {
    const [tag, other] = await Promise.all([createTag(), createTag()]);
    const techLead = await seat(tag.id, "tech_lead");
    const otherChair = await seat(other.id, "chair");
    const toc = await createUser({ isTocMember: true });
    for (const u of [techLead, otherChair, toc]) {
      const input = TagSettingsSchema.parse({ tagId: tag.id, version: 0, staleAfterDays: "7" });
      expect(await code(updateTagSettings(await loadActor(u.id), input))).toBe("FORBIDDEN");
      expect(await db.auditEvent.count({ where: { actorId: u.id, action: "tag.settings", outcome: "refused" } })).toBe(
        1,
      );
    }
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).staleAfterDays).toBe(21);
    expect(await db.tagSettingsVersion.count({ where: { tagId: tag.id } })).toBe(0);
  });

  it("a change made from an outdated page is refused and writes nothing; an unchanged form writes nothing", async () => {
    const tag = await createTag();
    const chair = await loadActor((await seat(tag.id, "chair")).id);
    await updateTagSettings(chair, TagSettingsSchema.parse({ tagId: tag.id, version: 0, staleAfterDays: "14" }));
    const stale = TagSettingsSchema.parse({ tagId: tag.id, version: 0, staleAfterDays: "30" });
    expect(await code(updateTagSettings(chair, stale))).toBe("CONFLICT");
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).staleAfterDays).toBe(14);
    const same = await updateTagSettings(
      chair,
      TagSettingsSchema.parse({ tagId: tag.id, version: 2, staleAfterDays: "14" }),
    );
    expect(same).toMatchObject({ version: 2, changed: [] });
    expect(await db.tagSettingsVersion.count({ where: { tagId: tag.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "tag.settings", subjectId: tag.id, outcome: "ok" } })).toBe(1);
  });

  it("an unknown TAG is NOT_FOUND for an admin and FORBIDDEN for a chair", async () => {
    const tag = await createTag();
    const chair = await loadActor((await seat(tag.id, "chair")).id);
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    const input = TagSettingsSchema.parse({ tagId: crypto.randomUUID(), version: 0 });
    expect(await code(updateTagSettings(admin, input))).toBe("NOT_FOUND");
    expect(await code(updateTagSettings(chair, input))).toBe("FORBIDDEN");
  });

  it("bad values are field errors; stale-after days default to 21 on the admin form too", () => {
    const bad = TagSettingsSchema.safeParse({
      tagId: crypto.randomUUID(),
      version: 0,
      activityMinRecords: "0",
      staleAfterDays: "abc",
      leadershipModel: "monarchy",
    });
    expect(bad.success).toBe(false);
    const fields = Object.keys(bad.error!.flatten().fieldErrors);
    expect(new Set(fields)).toEqual(new Set(["activityMinRecords", "staleAfterDays", "leadershipModel"]));
    expect(TagSchema.parse({ slug: "new-tag", name: "New TAG" }).staleAfterDays).toBe(21);
  });

  it("an admin creating a TAG writes version 1; editing a setting on the admin form writes the next version", async () => {
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    const slug = `settings-${Math.random().toString(36).slice(2, 9)}`;
    const { id } = await createTagAsAdmin(
      admin,
      TagSchema.parse({ slug, name: `TAG ${slug}`, boardReviewMonths: "4" }),
    );
    expect((await getTagSettings(slug))!.history).toMatchObject([{ version: 1, settings: { boardReviewMonths: 4 } }]);
    await updateTag(admin, UpdateTagSchema.parse({ id, slug, name: `TAG ${slug}`, boardReviewMonths: "4" }));
    expect((await getTagSettings(slug))!.version).toBe(1);
    await updateTag(admin, UpdateTagSchema.parse({ id, slug, name: `TAG ${slug}`, boardReviewMonths: "5" }));
    const view = (await getTagSettings(slug))!;
    expect(view.version).toBe(2);
    expect(view.history[0]).toMatchObject({ changed: ["boardReviewMonths"], settings: { boardReviewMonths: 5 } });
  });
});

describe("the TAG list kept by a web process", () => {
  afterEach(() => {
    stampState().mode = "single";
  });

  it("shows an admin's new TAG and rename on the writer's next read, before any notice arrives", async () => {
    // As in a web process that hears other replicas; no listener runs here, so the trigger's notice
    // is never heard: what the writer sees next comes from its own change.
    stampState().mode = "connected";
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    const slug = `kept-${Math.random().toString(36).slice(2, 9)}`;
    await listTags();
    const { id } = await createTagAsAdmin(admin, TagSchema.parse({ slug, name: `TAG ${slug}` }));
    expect((await listTags()).find((t) => t.slug === slug)?.name).toBe(`TAG ${slug}`);
    await updateTag(admin, UpdateTagSchema.parse({ id, slug, name: `Renamed ${slug}` }));
    expect((await listTags()).find((t) => t.slug === slug)?.name).toBe(`Renamed ${slug}`);
    // Not vacuous: a write that bypasses the operations is not seen until a notice comes.
    await db.tag.update({ where: { id }, data: { name: `Quiet ${slug}` } });
    expect((await listTags()).find((t) => t.slug === slug)?.name).toBe(`Renamed ${slug}`);
  });
});
