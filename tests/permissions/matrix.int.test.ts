import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { setAmbassador, setGlobalRole } from "@/lib/admin/mutations";
import { appointLeader, requestEndOfSeat } from "@/lib/roles/leadership";
import { recordExternalDecision } from "@/lib/decisions/closing";
import { openSeatDecision } from "@/lib/decisions/decisions";
import { setDecisionRule } from "@/lib/decisions/rules";
import { castVote } from "@/lib/decisions/votes";
import { defineRole } from "@/lib/roles/definitions";
import { recordLeave } from "@/lib/roles/leaves";
import { openRemovalProposal } from "@/lib/roles/removals";
import { appointToRole, changeAssignment } from "@/lib/roles/roster";
import { LeaveSchema, RoleDefinitionSchema } from "@/lib/roles/schemas";
import { createTag as createTagAction, updateTag } from "@/lib/tags/mutations";
import { TagSchema, TagSettingsSchema } from "@/lib/tags/schemas";
import { updateTagSettings } from "@/lib/tags/settings";
import { updateProfile } from "@/lib/people/mutations";
import { createInitiative } from "@/lib/initiatives/mutations";
import { ProfileSchema } from "@/lib/people/schemas";
import { decideClaim, volunteerForItem } from "@/lib/help-wanted/claims";
import { closeItem, createItem } from "@/lib/help-wanted/items";
import { itemSchema } from "@/lib/help-wanted/schemas";
import { createElection } from "@/lib/elections/elections";
import { decideElectionException, requestElectionException } from "@/lib/elections/exceptions";
import { CreateElectionSchema } from "@/lib/elections/schemas";
import { inviteToItem } from "@/lib/help-wanted/invitations";
import { createTag, createUser } from "@/tests/factories";
import { EXPECTED, ROLES, type MatrixRole } from "./expected";
import { DAY, LEAD_KINDS } from "@/lib/vocabulary";

/** A fresh world per cell: TAG A (the lead's own), TAG B, one person per role, a bystander. */
async function world() {
  const [tagA, tagB] = await Promise.all([createTag(), createTag()]);
  const [member, ambassador, lead, toc, admin, target] = await Promise.all([
    createUser(),
    createUser(),
    createUser(),
    createUser({ isTocMember: true }),
    createUser({ isAdmin: true }),
    createUser(),
  ]);
  await db.user.update({ where: { id: ambassador.id }, data: { isCncfAmbassador: true } });
  const at = new Date();
  await db.roleAssignment.create({
    data: { tagId: tagA.id, userId: lead.id, kind: "chair", status: "active", requestedAt: at, startAt: at },
  });
  const people = { member, ambassador, lead, toc, admin };
  const actorOf = async (role: MatrixRole): Promise<Actor | null> =>
    role === "visitor" ? null : loadActor(people[role].id);
  return { tagA, tagB, target, actorOf };
}

type World = Awaited<ReturnType<typeof world>>;

/** Each operation: prepare what it needs, run it, and report whether state changed. */
/** An open item on a TAG (posted directly, not through the function under test). */
async function itemOn(tagId: string) {
  const at = new Date();
  return db.helpWantedItem.create({
    data: {
      title: "Matrix item",
      kind: "review",
      createdAt: at,
      updatedAt: at,
      places: 2,
      tags: { create: [{ tagId }] },
    },
  });
}

/** A role defined directly (not through the function under test). */
async function roleOn(tagId: string) {
  return db.roleDefinition.create({
    data: {
      tagId,
      roleKey: crypto.randomUUID(),
      version: 1,
      name: "Matrix role",
      kind: "custom",
      createdAt: new Date(),
    },
  });
}

/** An active seat of a defined role for `userId` in a TAG. */
async function seatOn(tagId: string, userId: string) {
  const def = await roleOn(tagId);
  const at = new Date();
  return db.roleAssignment.create({
    data: { tagId, userId, kind: "custom", status: "active", requestedAt: at, startAt: at, roleDefinitionId: def.id },
  });
}

/** An election of the TAG in `phase`, written directly; its officers are the TAG's leads. */
async function electionOn(tagId: string, phase: "nominations") {
  const def = await roleOn(tagId);
  const at = new Date();
  const leads = await db.roleAssignment.findMany({
    where: { tagId, status: "active", kind: { in: [...LEAD_KINDS] } },
    select: { userId: true },
  });
  return db.election.create({
    data: {
      tagId,
      roleKey: def.roleKey,
      title: "Matrix election",
      phase,
      cycleDate: new Date(at.getTime() + 90 * DAY),
      seatsByRegion: { any: 1 },
      nominationsOpenAt: at,
      nominationsCloseAt: new Date(at.getTime() + 10 * DAY),
      votingOpenAt: new Date(at.getTime() + 11 * DAY),
      votingCloseAt: new Date(at.getTime() + 20 * DAY),
      createdAt: at,
      updatedAt: at,
      officers: { create: leads.map((l) => ({ userId: l.userId })) },
    },
  });
}

const OPERATIONS: Record<
  string,
  (
    w: World,
    actor: Actor | null,
    tagId: string,
  ) => Promise<{ run: () => Promise<unknown>; changed: () => Promise<boolean> }>
> = {
  "initiative.manage": async (_w, actor, tagId) => {
    const name = `Matrix initiative ${Math.random()}`;
    return {
      run: () => createInitiative(actor, { tagId, name, description: "", exitCriteria: "done" }),
      changed: async () => (await db.initiative.count({ where: { name } })) > 0,
    };
  },
  "profile.edit": async (_w, actor) => ({
    run: () =>
      updateProfile(
        actor,
        ProfileSchema.parse({
          region: "APAC",
          timezone: "Europe/Berlin",
          employer: null,
          skills: [],
          interests: [],
          languages: [],
          hoursPerMonth: 10,
          bio: "matrix",
        }),
      ),
    changed: async () =>
      actor ? (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).bio === "matrix" : false,
  }),
  "help-wanted.create": async (_w, actor, tagId) => {
    const tag = await db.tag.findUniqueOrThrow({ where: { id: tagId } });
    const title = `Matrix post ${Math.random()}`;
    return {
      run: () => createItem(actor, itemSchema(new Date()).parse({ title, tags: tag.slug, kind: "review" })),
      changed: async () => (await db.helpWantedItem.count({ where: { title } })) > 0,
    };
  },
  "help-wanted.close": async (_w, actor, tagId) => {
    const item = await itemOn(tagId);
    return {
      run: () => closeItem(actor, item.id, "no longer needed"),
      changed: async () => (await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).status === "closed",
    };
  },
  "help-wanted.volunteer": async (_w, actor, tagId) => {
    const item = await itemOn(tagId);
    return {
      run: () => volunteerForItem(actor, { itemId: item.id, message: "" }),
      changed: async () => (await db.claim.count({ where: { itemId: item.id } })) > 0,
    };
  },
  "help-wanted.invite": async (w, actor, tagId) => {
    const item = await itemOn(tagId);
    await db.user.update({ where: { id: w.target.id }, data: { claimedAt: new Date() } });
    return {
      run: () => inviteToItem(actor, { itemId: item.id, userId: w.target.id, message: "" }),
      changed: async () => (await db.claim.count({ where: { itemId: item.id, status: "invited" } })) > 0,
    };
  },
  "help-wanted.decide": async (w, actor, tagId) => {
    const item = await itemOn(tagId);
    const claim = await db.claim.create({
      data: {
        itemId: item.id,
        userId: w.target.id,
        status: "requested",
        createdAt: new Date(),
        lastActivityAt: new Date(),
      },
    });
    return {
      run: () => decideClaim(actor, { claimId: claim.id, decision: "accept" }),
      changed: async () => (await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status !== "requested",
    };
  },
  "tag.create": async (_w, actor) => {
    const slug = `matrix-${Math.random().toString(36).slice(2, 10)}`;
    return {
      run: () => createTagAction(actor, TagSchema.parse({ slug, name: `TAG ${slug}` })),
      changed: async () => (await db.tag.count({ where: { slug } })) > 0,
    };
  },
  "tag.update": async (_w, actor, tagId) => {
    const tag = await db.tag.findUniqueOrThrow({ where: { id: tagId } });
    return {
      run: () =>
        // The factory's slugs start with tag-, which the form refuses: parse the rest, keep the slug.
        updateTag(actor, {
          ...TagSchema.parse({ slug: "matrix", name: `${tag.name} renamed` }),
          id: tagId,
          slug: tag.slug,
        }),
      changed: async () => (await db.tag.findUniqueOrThrow({ where: { id: tagId } })).name.endsWith("renamed"),
    };
  },
  "tag.settings": async (_w, actor, tagId) => ({
    run: () =>
      updateTagSettings(actor, TagSettingsSchema.parse({ tagId, version: 0, staleAfterDays: 9, reason: "matrix" })),
    changed: async () => (await db.tag.findUniqueOrThrow({ where: { id: tagId } })).staleAfterDays === 9,
  }),
  "user.grant-role": async (w, actor) => ({
    run: () => setGlobalRole(actor, { userId: w.target.id, role: "toc", grant: true }),
    changed: async () => (await db.user.findUniqueOrThrow({ where: { id: w.target.id } })).isTocMember,
  }),
  "ambassador.verify": async (w, actor) => ({
    run: () => setAmbassador(actor, { userId: w.target.id, verified: true }),
    changed: async () => (await db.user.findUniqueOrThrow({ where: { id: w.target.id } })).isCncfAmbassador,
  }),
  "roster.appoint": async (w, actor, tagId) => ({
    run: () => appointLeader(actor, { tagId, login: w.target.login, kind: "tech_lead", termMonths: 24 }),
    changed: async () => (await db.roleAssignment.count({ where: { tagId, userId: w.target.id } })) > 0,
  }),
  "roster.end-request": async (w, actor, tagId) => {
    const at = new Date();
    const seat = await db.roleAssignment.create({
      data: { tagId, userId: w.target.id, kind: "tech_lead", status: "active", requestedAt: at, startAt: at },
    });
    return {
      run: () => requestEndOfSeat(actor, { assignmentId: seat.id, reason: "inactive for a year" }),
      changed: async () =>
        (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).endRequestedAt !== null,
    };
  },
  "role.define": async (_w, actor, tagId) => {
    const name = `Matrix role ${Math.random()}`;
    return {
      run: () => defineRole(actor, RoleDefinitionSchema.parse({ tagId, name, kind: "custom", totalSeats: "2" })),
      changed: async () => (await db.roleDefinition.count({ where: { name } })) > 0,
    };
  },
  "roster.appoint-role": async (w, actor, tagId) => {
    const def = await roleOn(tagId);
    return {
      run: () => appointToRole(actor, { roleDefinitionId: def.id, login: w.target.login }),
      changed: async () => (await db.roleAssignment.count({ where: { roleDefinitionId: def.id } })) > 0,
    };
  },
  "roster.change": async (w, actor, tagId) => {
    const seat = await seatOn(tagId, w.target.id);
    return {
      run: () => changeAssignment(actor, { assignmentId: seat.id, change: "end" }),
      changed: async () => (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status !== "active",
    };
  },
  "roster.manage": async (w, actor, tagId) => {
    const seat = await seatOn(tagId, w.target.id);
    return {
      run: () => recordLeave(actor, LeaveSchema.parse({ assignmentId: seat.id, from: "2030-01-01", to: "2030-01-07" })),
      changed: async () => (await db.leave.count({ where: { assignmentId: seat.id } })) > 0,
    };
  },
  "leave.own": async (w, actor, tagId) => {
    // The visitor has no seat: the leave is tried on the bystander's, which a visitor may not touch either.
    const seat = await seatOn(tagId, actor?.id ?? w.target.id);
    return {
      run: () => recordLeave(actor, LeaveSchema.parse({ assignmentId: seat.id, from: "2030-01-01", to: "2030-01-07" })),
      changed: async () => (await db.leave.count({ where: { assignmentId: seat.id } })) > 0,
    };
  },
  "leadership.remove-vote": async (w, actor, tagId) => {
    const seat = await seatOn(tagId, w.target.id);
    return {
      run: () => openRemovalProposal(actor, { assignmentId: seat.id, reason: "inactive for a year" }),
      changed: async () => (await db.decision.count({ where: { subjectId: seat.id, kind: "removal" } })) > 0,
    };
  },
  "election.run": async (_w, actor, tagId) => {
    const def = await roleOn(tagId);
    const title = `Matrix election ${Math.random()}`;
    const at = Date.now();
    const iso = (days: number) => new Date(at + days * DAY).toISOString();
    const input = CreateElectionSchema.parse({
      tagId,
      roleKey: def.roleKey,
      title,
      cycleDate: iso(90),
      seatsByRegion: { any: 1 },
      nominationsOpenAt: iso(1),
      nominationsCloseAt: iso(5),
      votingOpenAt: iso(6),
      votingCloseAt: iso(9),
      candidateRule: "any-member",
    });
    return {
      run: () => createElection(actor, input),
      changed: async () => (await db.election.count({ where: { title } })) > 0,
    };
  },
  "election.exception-decide": async (w, actor, tagId) => {
    const e = await electionOn(tagId, "nominations");
    const x = await db.electionException.create({
      data: { electionId: e.id, userId: w.target.id, kind: "vote", reason: "reviews", createdAt: new Date() },
    });
    return {
      run: () => decideElectionException(actor, { exceptionId: x.id, grant: true, reason: "counts" }),
      changed: async () => (await db.electionException.findUniqueOrThrow({ where: { id: x.id } })).status !== "pending",
    };
  },
  "election.exception-request": async (_w, actor, tagId) => {
    const e = await electionOn(tagId, "nominations");
    return {
      run: () =>
        requestElectionException(actor, { electionId: e.id, kind: "vote", reason: "I review the TAG's papers" }),
      changed: async () => (await db.electionException.count({ where: { electionId: e.id } })) > 0,
    };
  },
  "decision.vote": async (w, actor, tagId) => {
    const d = await pendingSeatDecision(tagId, w.target.id);
    return {
      run: () => castVote(actor, { decisionId: d.id, choice: "yes" }),
      changed: async () => (await db.decisionVote.count({ where: { decisionId: d.id } })) > 0,
    };
  },
  "decision.record": async (w, actor, tagId) => {
    const d = await pendingSeatDecision(tagId, w.target.id);
    return {
      run: () =>
        recordExternalDecision(actor, {
          decisionId: d.id,
          outcome: "approved",
          link: "https://github.com/cncf/toc/issues/1",
        }),
      changed: async () => (await db.decision.findUniqueOrThrow({ where: { id: d.id } })).status !== "open",
    };
  },
  "decision.rule": async (_w, actor) => {
    const before = await db.decisionRule.count();
    return {
      run: () =>
        setDecisionRule(actor, {
          threshold: "more-than-half",
          base: "members",
          periodDays: 7,
          quorum: "more-than-half",
        }),
      changed: async () => (await db.decisionRule.count()) > before,
    };
  },
};

/** A pending chair seat and the TOC decision it opened (the world's TOC member is in its electorate). */
async function pendingSeatDecision(tagId: string, userId: string) {
  const seat = await db.roleAssignment.create({
    data: { tagId, userId, kind: "chair", status: "pending", requestedAt: new Date() },
  });
  return db.$transaction((tx) =>
    openSeatDecision(tx, { kind: "appointment", assignmentId: seat.id, openedById: null }),
  );
}

async function attempt(role: MatrixRole, op: string, scope: "own" | "other") {
  const w = await world();
  const actor = await w.actorOf(role);
  const tagId = scope === "own" ? w.tagA.id : w.tagB.id;
  const { run, changed } = await OPERATIONS[op]!(w, actor, tagId);
  const refused = { outcome: "refused", actorId: actor?.id ?? null };
  const refusalsBefore = await db.auditEvent.count({ where: refused });
  let error: unknown = null;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  const refusalsAfter = await db.auditEvent.count({ where: refused });
  return { error, changed: await changed(), refusals: refusalsAfter - refusalsBefore };
}

describe("permission matrix (every role x action x own/other TAG, expectations from docs/permissions.md)", () => {
  const cells = Object.entries(EXPECTED)
    .filter(([op]) => OPERATIONS[op])
    .flatMap(([op, rows]) =>
      (["own", "other"] as const).flatMap((scope) => {
        const row = scope === "own" ? rows.own : rows.other;
        return row ? ROLES.map((role) => ({ op, scope, role, allowed: row[role] })) : [];
      }),
    );

  it.each(cells)("$op on $scope TAG as $role: allowed=$allowed", async ({ op, scope, role, allowed }) => {
    const r = await attempt(role, op, scope);
    if (allowed) {
      expect(r.error).toBeNull();
      expect(r.changed).toBe(true);
    } else {
      expect(r.error).toBeInstanceOf(AppError);
      expect((r.error as AppError).code).toBe("FORBIDDEN");
      expect(r.changed).toBe(false);
      expect(r.refusals).toBe(1);
    }
  });
});
