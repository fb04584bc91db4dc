import { describe, expect, it } from "vitest";
import { installQueryCounter } from "@/tests/count-queries";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadActor } from "@/lib/auth/actor";
import { openRemovalProposal } from "@/lib/roles/removals";
import type { Actor } from "@/lib/auth/permissions";
import { createTag, createUser, insertClaim, insertItem, insertRecord } from "@/tests/factories";
import { loadDashboards } from "./load";
import { loadTrends } from "./trends-load";
import pg from "pg";
import { bumpStamps, stampState } from "@/lib/cache/stamps";
import { startInvalidationListener, stopInvalidationListener } from "@/lib/cache/listener";
import { expireBoardCache } from "@/lib/help-wanted/board-cache";
import { getTagDashboard, getTocOverview } from "./queries";
import { markServing, warmedUp } from "@/lib/cache/serving";
import { until } from "@/tests/until";
import { flagsOf, overviewTable, tagTables } from "./tables";
import { removalCandidates } from "./removal-candidates";
import { DAY } from "@/lib/vocabulary";
import { code } from "@/tests/fixtures";

const counter = installQueryCounter(process.env.DATABASE_URL!, 20);
async function person(over: { employer?: string; region?: "APAC" | "EMEA" | "Americas"; ambassador?: boolean } = {}) {
  const u = await createUser({ region: over.region ?? "EMEA" });
  return db.user.update({
    where: { id: u.id },
    data: { employer: over.employer ?? null, isCncfAmbassador: over.ambassador ?? false },
  });
}

async function seat(
  tagId: string,
  userId: string,
  kind: "chair" | "tech_lead" | "custom" | "tag_ambassador",
  over: {
    roleDefinitionId?: string;
    status?: "active" | "pending";
    termEndAt?: Date;
    regionAtStart?: "APAC" | "EMEA" | "Americas";
  } = {},
) {
  const at = await now();
  // Every chair and tech-lead seat belongs to the TAG's Chair or Tech Lead role (created with the TAG).
  const standard =
    kind === "chair" || kind === "tech_lead"
      ? await db.roleDefinition.findFirst({ where: { tagId, kind, supersededAt: null }, select: { id: true } })
      : null;
  return db.roleAssignment.create({
    data: {
      tagId,
      userId,
      kind,
      status: over.status ?? "active",
      requestedAt: at,
      startAt: at,
      termEndAt: over.termEndAt ?? null,
      roleDefinitionId: over.roleDefinitionId ?? standard?.id ?? null,
      regionAtStart: over.regionAtStart ?? null,
    },
  });
}

function item(tagId: string, createdAt: Date, status: "open" | "filled" | "closed" = "open") {
  return insertItem(tagId, { title: "Help", status, createdAt });
}

/** A TAG with something in every corner of its dashboard. */
async function busyTag() {
  const at = await now();
  const daysAgo = (d: number) => new Date(at.getTime() - d * DAY);
  const tag = await createTag();
  await db.tag.update({
    where: { id: tag.id },
    // Created a year ago and never reviewed: its first board review (one cadence after creation) is due.
    data: {
      createdAt: daysAgo(365),
      boardReviewedAt: null,
      staleAfterDays: 10,
      activityWindowMonths: 6,
      activityMinRecords: 2,
    },
  });
  const def = await db.roleDefinition.create({
    data: {
      tagId: tag.id,
      roleKey: crypto.randomUUID(),
      version: 1,
      name: "Organizer",
      kind: "custom",
      totalSeats: 3,
      maxPerEmployer: 1,
      minPerRegion: { APAC: 1 },
      selection: "election",
      createdAt: at,
    },
  });
  const [a, b, chair, quietLead, amb, volunteer] = await Promise.all([
    person({ employer: "Acme" }),
    person({ employer: " acme " }),
    person({ employer: "Globex", region: "Americas" }),
    person({ employer: "Initech", region: "APAC" }),
    person({ ambassador: true }),
    person(),
  ]);
  await seat(tag.id, a.id, "custom", { roleDefinitionId: def.id, termEndAt: new Date(at.getTime() + 60 * DAY) });
  await seat(tag.id, b.id, "custom", { roleDefinitionId: def.id });
  const chairSeat = await seat(tag.id, chair.id, "chair");
  const leadSeat = await seat(tag.id, quietLead.id, "tech_lead");
  const pendingUser = await person();
  await seat(tag.id, pendingUser.id, "tech_lead", { status: "pending" });
  // The chair contributed; the tech lead did not. The chair is on leave today.
  await insertRecord(chair.id, tag.id, "pr", daysAgo(5));
  await insertRecord(quietLead.id, tag.id, "blog", daysAgo(5), { source: "self_reported", verification: "pending" });
  await db.leave.create({
    data: {
      assignmentId: chairSeat.id,
      from: daysAgo(2),
      to: new Date(at.getTime() + 20 * DAY),
      note: "Parental leave",
      createdAt: at,
    },
  });
  // Help wanted: an open item volunteered for after 4 days and accepted long ago (stale); an
  // item an ambassador completed last week.
  const open = await item(tag.id, daysAgo(30));
  await insertClaim(open.id, volunteer.id, "accepted", {
    createdAt: daysAgo(26),
    decidedAt: daysAgo(25),
    lastActivityAt: daysAgo(20),
  });
  const done = await item(tag.id, daysAgo(40), "closed");
  await insertClaim(done.id, amb.id, "completed", {
    createdAt: daysAgo(38),
    decidedAt: daysAgo(37),
    completedAt: daysAgo(7),
    lastActivityAt: daysAgo(7),
  });
  // A TAG Ambassador whose liaison check-in is overdue.
  const liaisonPerson = await person();
  const liaisonSeat = await seat(tag.id, liaisonPerson.id, "tag_ambassador");
  await db.liaison.create({
    data: {
      assignmentId: liaisonSeat.id,
      foundation: "OpenSSF",
      cadenceDays: 30,
      createdAt: daysAgo(90),
    },
  });
  // An election in voting.
  await db.election.create({
    data: {
      tagId: tag.id,
      roleKey: crypto.randomUUID(),
      title: "Tech Lead election",
      phase: "voting",
      cycleDate: at,
      seatsByRegion: { any: 1 },
      nominationsOpenAt: daysAgo(20),
      nominationsCloseAt: daysAgo(10),
      votingOpenAt: daysAgo(5),
      votingCloseAt: new Date(at.getTime() + 5 * DAY),
      createdAt: at,
      updatedAt: at,
    },
  });
  return { tag, chair, quietLead, leadSeat, amb, a, b, pendingUser, liaisonPerson };
}

const toc = async (): Promise<Actor> => (await loadActor((await createUser({ isTocMember: true })).id))!;

/**
 * A TAG with one open item a volunteer holds (claimed a day ago), and a way to add a second such
 * item and claim written straight to the database, as a script would: no change is announced.
 */
async function tagWithHeldClaim() {
  const tag = await createTag();
  const volunteer = await person();
  const at = await now();
  const heldItem = async (ageDays: number) => {
    const open = await item(tag.id, new Date(at.getTime() - ageDays * DAY));
    await insertClaim(open.id, volunteer.id, "accepted", { createdAt: new Date(at.getTime() - DAY) });
  };
  await heldItem(3);
  return { tag, at, claimAnother: () => heldItem(2) };
}

describe("the TOC dashboard of a TAG", () => {
  it("answers every question of the issue for one TAG", async () => {
    const s = await busyTag();
    const tocMember = await toc();
    const found = await getTagDashboard(tocMember, s.tag.slug);
    const d = found!.dashboard;
    const organizer = d.roles.find((r) => r.name === "Organizer")!;
    expect(organizer).toMatchObject({
      holders: 2,
      totalSeats: 3,
      maxPerEmployer: 1,
      overEmployerCap: true,
      largestEmployer: { name: "Acme", count: 2, share: 1 },
    });
    expect(organizer.regionIssues).toEqual(["APAC 0 of at least 1"]);
    // The pending tech lead is not held (issue 15): it shows apart, and is not a filled seat.
    expect(d.roles.find((r) => r.kind === "tech_lead")).toMatchObject({
      holders: 1,
      pending: 1,
      overEmployerCap: false,
    });
    expect(d.regions).toEqual({ EMEA: 3, Americas: 1, APAC: 1, unknown: 0 });
    expect(d.leadership).toEqual({ filled: 2, pending: 1, total: null });
    expect(d.termsEnding.map((t) => t.login)).toEqual([s.a.login]);
    // A pending self-report does not count: the tech lead has no contribution.
    expect(d.inactiveLeaders.map((l) => l.login)).toEqual([s.quietLead.login]);
    // /toc's removal form offers exactly these seats: each is one a removal vote can be opened on.
    expect(d.inactiveLeaders.map((l) => l.seatId)).toEqual([s.leadSeat.id]);
    const vote = await openRemovalProposal(tocMember, { assignmentId: s.leadSeat.id, reason: "No contribution" });
    expect(await db.decision.findUnique({ where: { id: vote.id } })).toMatchObject({
      kind: "removal",
      subjectId: s.leadSeat.id,
    });
    expect(d.leaders.find((l) => l.login === s.chair.login)).toMatchObject({ total: 1, status: "quiet" });
    // /toc's removal form offers every leader the dashboards flag, inactive and quiet, saying which;
    // a vote to remove the quiet chair is accepted too.
    const chairSeat = d.leaders.find((l) => l.login === s.chair.login)!.seatId;
    expect(new Map(removalCandidates([d]).map((c) => [c.id, c.label]))).toEqual(
      new Map([
        [s.leadSeat.id, `@${s.quietLead.login}, Tech Lead, ${s.tag.name} (inactive)`],
        [chairSeat, `@${s.chair.login}, Chair, ${s.tag.name} (quiet)`],
      ]),
    );
    await openRemovalProposal(tocMember, { assignmentId: chairSeat, reason: "Too few contributions" });
    expect(d.onLeave).toMatchObject([{ login: s.chair.login, role: "Chair", note: "Parental leave" }]);
    expect(d.elections).toMatchObject([{ title: "Tech Lead election", state: "open", phase: "voting" }]);
    expect(d.electionsDue).toEqual([{ role: "Organizer", reason: "1 open seat, 1 term ending within 6 months" }]);
    expect(d.flow).toEqual({
      open: 1,
      held: 1,
      done90: 1,
      medianDaysToFirstVolunteer: 3,
      stale: 1,
      ambassadorsActive: 1,
    });
    expect(d.staleClaims).toHaveLength(1);
    expect(d.ambassadors.map((a) => a.login)).toEqual([s.amb.login]);
    expect(d.liaisonsOverdue).toMatchObject([{ login: s.liaisonPerson.login, target: "OpenSSF" }]);
    expect(d.boardReviewOverdue).toBe(true);
    expect(d.pendingChanges).toMatchObject([{ login: s.pendingUser.login, change: "appointment", role: "Tech Lead" }]);
    expect(flagsOf(d)[0]).toBe("Over employer cap: Organizer (Acme: 2 (100%) of at most 1)");

    const tables = tagTables(d);
    expect(tables.map((t) => t.key)).toEqual([
      "roles",
      "leaders",
      "terms",
      "leaves",
      "elections",
      "flow",
      "stale-claims",
      "ambassadors",
      "check-ins",
      "pending",
    ]);
    for (const t of tables) for (const r of t.rows) expect(r).toHaveLength(t.columns.length);
    const overview = overviewTable([d]);
    expect(overview.rows[0]).toHaveLength(overview.columns.length);
    expect(overview.rows[0]![overview.columns.indexOf("over employer cap")]).toContain("Organizer: Acme");
  });

  it("uses the same fixed number of queries for one TAG and for many (no N+1)", async () => {
    const tags = [await busyTag(), await busyTag(), await busyTag()];
    const at = await now();
    const one = await counter.measure(() => loadDashboards([tags[0]!.tag.id], at));
    const three = await counter.measure(() =>
      loadDashboards(
        tags.map((t) => t.tag.id),
        at,
      ),
    );
    const all = await counter.measure(() => loadDashboards(null, at));
    expect(three.result).toHaveLength(3);
    expect(one.queries).toBeGreaterThan(0);
    expect(three.queries).toBe(one.queries);
    expect(all.queries).toBe(one.queries);
    expect(one.queries).toBeLessThanOrEqual(16);
  });

  it("a web process keeps the flow and the help-wanted trend until a help-wanted change is announced", async () => {
    const { tag, at, claimAnother } = await tagWithHeldClaim();
    const figures = async () => {
      const [[d], trends] = await Promise.all([loadDashboards([tag.id], at), loadTrends([tag.id], at)]);
      return { held: d!.flow.held, opened: trends.helpWanted.reduce((n, m) => n + m.opened, 0) };
    };
    stampState().mode = "connected";
    try {
      expect(await figures()).toEqual({ held: 1, opened: 1 });
      await claimAnother();
      // Written without announcing it (as in a script): the kept figures stand.
      expect(await figures()).toEqual({ held: 1, opened: 1 });
      await expireBoardCache();
      expect(await figures()).toEqual({ held: 2, opened: 2 });
    } finally {
      stampState().mode = "single";
    }
  });

  it("a web process computes the every-TAG flow and help-wanted months as it starts serving, before a TOC member asks", async () => {
    const { tag, at, claimAnother } = await tagWithHeldClaim();
    // Every TAG, as a TOC member's /toc reads them, at `when` (kept figures serve only a later moment).
    const figures = async (when = at) => {
      const [dashboards, trends] = await Promise.all([loadDashboards(null, when), loadTrends(null, when)]);
      return {
        held: dashboards.find((d) => d.tag.id === tag.id)!.flow.held,
        opened: trends.helpWanted.reduce((n, m) => n + m.opened, 0),
      };
    };
    const before = await figures();
    stampState().mode = "connected";
    try {
      // This module asked for the work when loaded (./queries.ts); no request, no viewer.
      markServing(null);
      expect(await until(() => warmedUp(), 30_000)).toBe(true);
      await claimAnother();
      // Written without announcing it: the first read gets the figures the warm-up kept.
      const later = await now();
      expect(await figures(later)).toEqual(before);
      await expireBoardCache();
      expect(await figures(later)).toEqual({ held: before.held + 1, opened: before.opened + 1 });
    } finally {
      stampState().mode = "single";
      delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("tag-portal.serving")];
    }
  });
});

describe("the governance rows a web process keeps", () => {
  it("stand until the database announces a change, from any writer, and show it within a second", async () => {
    const tag = await createTag();
    const holder = await person({ employer: "First Co" });
    await seat(tag.id, holder.id, "chair");
    const at = await now();
    // Every TAG's dashboards (a TOC member's /toc) and the TAG's trends (the employers by quarter).
    const seen = async () => {
      const [dashboards, trends] = await Promise.all([loadDashboards(null, at), loadTrends([tag.id], at)]);
      return {
        login: dashboards.find((d) => d.tag.id === tag.id)!.leaders[0]?.login,
        employer: trends.leadership.at(-1)!.largestEmployer?.name,
      };
    };
    const rename = (suffix: string) =>
      db.$executeRaw`UPDATE "User" SET "login" = ${holder.login + suffix}, "employer" = ${`Co${suffix}`} WHERE "id" = ${holder.id}::uuid`;
    startInvalidationListener(process.env.DATABASE_URL!);
    try {
      expect(await until(() => stampState().mode === "connected", 5_000)).toBe(true);
      expect(await seen()).toEqual({ login: holder.login, employer: "First Co" });
      // A write the trigger does not see (disabled for its transaction): the rows stand, so they are kept.
      await db.$transaction([
        db.$executeRaw`ALTER TABLE "User" DISABLE TRIGGER "User_cache_notice"`,
        rename("-quiet"),
        db.$executeRaw`ALTER TABLE "User" ENABLE TRIGGER "User_cache_notice"`,
      ]);
      expect(await seen()).toEqual({ login: holder.login, employer: "First Co" });
      // Any other writer (here plain SQL, as a script or the worker): every process hears of it.
      await rename("-loud");
      const loud = { login: `${holder.login}-loud`, employer: "Co-loud" };
      expect(await until(async () => JSON.stringify(await seen()) === JSON.stringify(loud), 1_000)).toBe(true);
    } finally {
      await stopInvalidationListener();
      stampState().mode = "single";
    }
  });

  it("every table they read announces its changes, per changed row; a person's row only when what they show changes; TAGs per row too", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query("LISTEN tag_portal_cache");
    // What the statement announced, known once a marker sent after it arrives (notices keep their order).
    const announced = async (statement: () => Promise<unknown>) => {
      await statement();
      await db.$executeRaw`SELECT pg_notify('tag_portal_cache', 'marker')`;
      expect(await until(() => heard.includes("marker"), 1_000)).toBe(true);
      return heard.splice(0).filter((n) => n !== "marker");
    };
    try {
      const tables = await db.$queryRaw<{ table: string; events: string[] }[]>`
        SELECT c.relname AS "table", array_agg(DISTINCT e.event ORDER BY e.event) AS "events"
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid,
               LATERAL (VALUES (1, 'insert'), (2, 'delete'), (4, 'update'), (8, 'truncate')) AS e(bit, event)
         WHERE p.proname = 'tag_portal_cache_changed' AND encode(t.tgargs, 'escape') = 'governance\\000'
           AND (t.tgtype >> 2) & e.bit <> 0
         GROUP BY c.relname ORDER BY c.relname`;
      const all = ["delete", "insert", "truncate", "update"];
      expect(tables).toEqual([
        { table: "Election", events: all },
        { table: "EmployerHistory", events: all },
        { table: "Leave", events: all },
        { table: "Liaison", events: all },
        { table: "Project", events: all },
        { table: "RoleAssignment", events: all },
        { table: "RoleDefinition", events: all },
        { table: "User", events: ["delete", "truncate", "update"] },
      ]);

      const tag = await createTag();
      const holder = await person({ employer: "First Co" });
      await announced(async () => undefined); // what making them announced
      // A seat: announced once, however many statements the transaction runs.
      expect(await announced(() => seat(tag.id, holder.id, "chair"))).toEqual(["database governance"]);
      // A statement that changes no row (a sweep that found nothing to do) announces nothing.
      expect(
        await announced(() =>
          db.roleAssignment.updateMany({ where: { id: holder.id }, data: { endedAt: new Date() } }),
        ),
      ).toEqual([]);
      // A sign-in writes the same login and name again; a profile step writes other columns.
      const same = () =>
        db.user.update({
          where: { id: holder.id },
          data: { login: holder.login, name: holder.name, hoursPerMonth: 12 },
        });
      expect(await announced(same)).toEqual([]);
      for (const data of [
        { login: `${holder.login}-x` },
        { name: "Renamed" },
        { region: "APAC" as const },
        { employer: "Next Co" },
      ]) {
        expect(await announced(() => db.user.update({ where: { id: holder.id }, data })), Object.keys(data)[0]).toEqual(
          ["database governance"],
        );
      }
      // The TAG list's notice (migration tag_cache_notice_rows) is per changed row too.
      const unchanged = () =>
        db.tag.updateMany({ where: { id: tag.id, slug: `${tag.slug}-not` }, data: { name: "x" } });
      expect(await announced(unchanged)).toEqual([]);
      expect(await announced(() => db.tag.update({ where: { id: tag.id }, data: { name: `${tag.name} 2` } }))).toEqual([
        "database tags",
      ]);
    } finally {
      await listener.end();
    }
  });

  it("are read only from tables that announce their changes", async () => {
    const tag = await createTag();
    await seat(tag.id, (await person()).id, "chair");
    const at = await now();
    const read = () => Promise.all([loadDashboards([tag.id], at), loadTrends([tag.id], at)]);
    stampState().mode = "connected";
    try {
      await read();
      const kept = await counter.measure(read);
      bumpStamps(["governance"]);
      // What runs again once only the governance stamp moved: the statements of the kept rows.
      const again = (await counter.measure(read)).statements.filter((q) => !kept.statements.includes(q));
      expect(again).toHaveLength(2);
      const tables = new Set(again.flatMap((q) => [...q.matchAll(/\b(?:FROM|JOIN)\s+"(\w+)"/g)].map((m) => m[1]!)));
      const announcing = await db.$queryRaw<{ table: string }[]>`
        SELECT DISTINCT c.relname AS "table" FROM pg_trigger t
          JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE p.proname = 'tag_portal_cache_changed' AND encode(t.tgargs, 'escape') IN ('governance\\000', 'tags\\000')`;
      expect(tables.size).toBeGreaterThan(5);
      expect([...tables].filter((t) => !announcing.some((a) => a.table === t))).toEqual([]);
    } finally {
      stampState().mode = "single";
    }
  });

  it("count a seat from its start by the viewer's clock, when nothing is announced as that moment comes", async () => {
    const tag = await createTag();
    const at = await now();
    const later = new Date(at.getTime() + 20_000);
    const holder = await person();
    const row = await seat(tag.id, holder.id, "chair");
    // An election's result starts its seats on the cycle date: here ten seconds from now.
    await db.roleAssignment.update({ where: { id: row.id }, data: { startAt: new Date(at.getTime() + 10_000) } });
    const held = async (when: Date) => (await loadTrends([tag.id], when)).leadership.at(-1)!.held;
    stampState().mode = "connected";
    try {
      expect(await held(at)).toBe(0);
      expect(await held(later)).toBe(1);
    } finally {
      stampState().mode = "single";
    }
  });
});

describe("who may see dashboards", () => {
  it("TOC members and admins see every TAG; a lead sees the TAGs they lead; a member is refused and it is logged", async () => {
    const [mine, other] = [await createTag(), await createTag()];
    const lead = await createUser();
    await seat(mine.id, lead.id, "chair");
    const leadActor = (await loadActor(lead.id))!;
    const admin = (await loadActor((await createUser({ isAdmin: true })).id))!;
    const member = (await loadActor((await createUser()).id))!;

    const all = await getTocOverview(await toc());
    expect(all.scope).toBe("all");
    expect(all.dashboards.map((d) => d.tag.id)).toEqual(expect.arrayContaining([mine.id, other.id]));
    expect((await getTocOverview(admin)).scope).toBe("all");
    const own = await getTocOverview(leadActor);
    expect(own).toMatchObject({ scope: "own" });
    expect(own.dashboards.map((d) => d.tag.id)).toEqual([mine.id]);

    expect(await code(getTocOverview(member))).toBe("FORBIDDEN");
    expect(await code(getTocOverview(null))).toBe("FORBIDDEN");
    expect(
      await db.auditEvent.count({ where: { actorId: member.id, action: "audit.view-all", outcome: "refused" } }),
    ).toBe(1);

    expect((await getTagDashboard(leadActor, mine.slug))?.dashboard.tag.id).toBe(mine.id);
    expect(await code(getTagDashboard(leadActor, other.slug))).toBe("FORBIDDEN");
    expect(await code(getTagDashboard(member, mine.slug))).toBe("FORBIDDEN");
    expect(
      await db.auditEvent.count({
        where: { actorId: lead.id, action: "dashboard.view", tagId: other.id, outcome: "refused" },
      }),
    ).toBe(1);
    expect(await getTagDashboard(admin, "no-such-tag")).toBeNull();
  });
});

describe("what needs attention today", () => {
  it("a lead's list is ordered: requests, stale claims, exceptions, check-ins, board review, self-reports, terms, TOC; other TAGs' leads are refused", async () => {
    const s = await busyTag();
    const at = await now();
    const lead = await createUser();
    await seat(s.tag.id, lead.id, "chair");
    const leadActor = (await loadActor(lead.id))!;
    const requester = await createUser();
    const open = await item(s.tag.id, at);
    await insertClaim(open.id, requester.id, "requested", { createdAt: at });
    const election = await db.election.findFirstOrThrow({ where: { tagId: s.tag.id } });
    await db.electionException.create({
      data: { electionId: election.id, userId: requester.id, kind: "vote", reason: "New contributor", createdAt: at },
    });
    await insertRecord(requester.id, s.tag.id, "talk", at, { source: "self_reported", verification: "pending" });

    const items = await (await import("./attention")).leadAttention(leadActor, s.tag.id);
    expect(items.map((i) => i.key)).toEqual([
      "requests",
      "stale",
      "exceptions",
      "check-ins",
      "review",
      "self-reports",
      "terms",
      "pending",
    ]);
    expect(items[0]).toMatchObject({
      label: "1 volunteer request waiting for an answer",
      href: `/manage/${s.tag.slug}#requests`,
    });

    const other = await createTag();
    expect(await code((await import("./attention")).leadAttention(leadActor, other.id))).toBe("FORBIDDEN");
  });

  it("a person's list is ordered: invitations, updates due, check-ins due, then matches", async () => {
    const { personalAttention } = await import("./attention");
    const at = await now();
    const tag = await createTag();
    const me = await db.user.update({ where: { id: (await createUser()).id }, data: { skills: ["Go"] } });
    const invitedTo = await item(tag.id, at);
    await insertClaim(invitedTo.id, me.id, "invited", { createdAt: at });
    const working = await item(tag.id, at);
    await insertClaim(working.id, me.id, "accepted", {
      createdAt: at,
      lastActivityAt: new Date(at.getTime() - 30 * DAY),
    });
    const fresh = await item(tag.id, at);
    await insertClaim(fresh.id, me.id, "accepted", { createdAt: at });
    const ambSeat = await seat(tag.id, me.id, "tag_ambassador");
    const liaison = await db.liaison.create({
      data: {
        assignmentId: ambSeat.id,
        foundation: "OpenSSF",
        cadenceDays: 30,
        createdAt: new Date(at.getTime() - 28 * DAY),
      },
    });
    const match = await insertItem(tag.id, { title: "Go work", kind: "review", skills: ["Go"], createdAt: at });

    const items = await personalAttention(me.id);
    expect(items.slice(0, 3).map((i) => i.key)).toEqual([
      `invited-${invitedTo.id}`,
      `update-${working.id}`,
      `check-in-${liaison.id}`,
    ]);
    expect(items[1]!.label).toMatch(/^Update overdue/);
    expect(items[2]!.label).toMatch(/^Check-in due with OpenSSF/);
    expect(items.slice(3).map((i) => i.key)).toContain(`match-${match.id}`);
    expect(items.map((i) => i.key)).not.toContain(`update-${fresh.id}`);
  });
});
