/**
 * The database side of the tags.yaml round trip: reads the portal's state, applies an import
 * plan in one transaction (with an audit event per change), and exports. Takes its PrismaClient
 * so that `npm run tags:import` / `tags:export` (plain tsx scripts), the admin page and the
 * integration tests share it.
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { exportTagsYaml, type ExportPerson, type ExportSeatList, type ExportState } from "./export.ts";
import { parseTagsYaml, type TagsYamlNote } from "./parse.ts";
import {
  describeChange,
  planTagsImport,
  seatLogins,
  type PortalSnapshot,
  type SeatKind,
  type TagFields,
  type TagsImportChange,
  type TagsImportPlan,
} from "./plan.ts";
import type { LoginResolver } from "../auth/github-logins.ts";
import { isoDay, SEAT_TAKEN_STATUSES, SITTING_SEAT_STATUSES } from "../vocabulary/index.ts";
import type { Tx } from "../db.ts";
import { tagsChangedHere } from "../cache/stamps.ts";
import { recordAudit, recordRefusal } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { activatePendingSeat } from "../roles/appointments.ts";
import { giveSeatForDecision, settleConfirmedSeat } from "../roles/seat-decisions.ts";
import { createLeadershipRoles, ensureStandardRole } from "../roles/leadership-roles.ts";
import { seatTermSelect } from "../roles/seats.ts";
import { tocLiaisonsOf } from "../people/liaisons.ts";

const SEAT_KINDS: SeatKind[] = ["chair", "tech_lead", "subproject_lead"];
const toDate = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/**
 * Where the text comes from. `toc`: the TOC's own file fetched from cncf/toc (fetch.ts), the TOC's
 * record: its seats are held at once with the commit as their decision link. `file`: anything else
 * (pasted, edited, a local copy): its new seats are pending a TOC decision.
 */
export type TagsImportSource = { kind: "toc"; commit: string; url: string } | { kind: "file" };

export interface TagsImportOptions {
  resolve: LoginResolver;
  source: TagsImportSource;
  dryRun?: boolean;
  endMissing?: boolean;
  /** Who imports (the admin page); null for the CLI. */
  actorId?: string | null;
  at?: Date;
}

export type TagsImportResult =
  { ok: false; errors: TagsYamlNote[] } | { ok: true; plan: TagsImportPlan; applied: boolean };

/** The portal's TAGs, subprojects, current seats and known people, for planning an import. */
export async function readPortalSnapshot(tx: Tx): Promise<PortalSnapshot> {
  // One query at a time: an interactive transaction is one connection.
  const tags = await tx.tag.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      mission: true,
      slackChannel: true,
      mailingList: true,
      meetings: true,
      tocLiaisons: true,
      tocLiaisonIds: true,
    },
  });
  const subprojects = await tx.subproject.findMany({
    select: { id: true, slug: true, name: true, mission: true, tag: { select: { slug: true } } },
  });
  const seats = await tx.roleAssignment.findMany({
    where: { kind: { in: SEAT_KINDS }, status: { in: [...SEAT_TAKEN_STATUSES] } },
    orderBy: { requestedAt: "asc" },
    select: {
      ...seatTermSelect,
      subproject: { select: { slug: true } },
      user: { select: { githubId: true, login: true } },
    },
  });
  const users = await tx.user.findMany({ select: { githubId: true } });
  return {
    tags: tags.map((t) => ({ ...t, tocLiaisonIds: t.tocLiaisonIds.map(String) })),
    subprojects: subprojects.map((s) => ({
      id: s.id,
      tagSlug: s.tag.slug,
      slug: s.slug,
      name: s.name,
      mission: s.mission,
    })),
    seats: seats.map((s) => ({
      id: s.id,
      tagSlug: s.tag.slug,
      subprojectSlug: s.subproject?.slug ?? null,
      kind: s.kind as SeatKind,
      githubId: String(s.user.githubId),
      login: s.user.login,
      startAt: isoDay(s.startAt),
      termEndAt: isoDay(s.termEndAt),
      pending: s.status === "pending",
    })),
    knownGithubIds: users.map((u) => String(u.githubId)),
  };
}

function auditSubject(c: TagsImportChange): {
  subjectType: string;
  before?: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
} {
  switch (c.type) {
    case "tag.create":
      return { subjectType: "Tag", after: { slug: c.slug, ...c.after } };
    case "tag.update":
      return { subjectType: "Tag", before: c.before, after: c.after };
    case "subproject.create":
      return { subjectType: "Subproject", after: { tag: c.tagSlug, slug: c.slug, ...c.after } };
    case "subproject.update":
      return { subjectType: "Subproject", before: c.before, after: c.after };
    case "user.placeholder":
      return { subjectType: "User", after: { githubId: c.githubId, login: c.login, placeholder: true } };
    case "seat.create":
      return {
        subjectType: "RoleAssignment",
        after: {
          kind: c.kind,
          login: c.login,
          subproject: c.subprojectSlug,
          status: c.pending ? "pending" : "active",
          startAt: c.startAt,
          termEndAt: c.termEndAt,
        },
      };
    case "seat.update":
      return { subjectType: "RoleAssignment", before: c.before, after: c.after };
    case "seat.confirm":
      return { subjectType: "RoleAssignment", before: { status: "pending" }, after: { status: "active" } };
    case "seat.end":
      return {
        subjectType: "RoleAssignment",
        before: { status: "active" },
        after: { status: "ended", reason: "not in tags.yaml" },
      };
  }
}

/** A plan's TAG fields as the database spells them (GitHub ids are numbers there). */
function tagData<T extends Partial<TagFields>>(f: T) {
  const { tocLiaisonIds, ...rest } = f;
  return { ...rest, ...(tocLiaisonIds ? { tocLiaisonIds: tocLiaisonIds.map((id) => BigInt(id)) } : {}) };
}

async function applyChange(
  tx: Tx,
  c: TagsImportChange,
  ctx: { at: Date; actorId: string | null; source: TagsImportSource; notes: string[] },
): Promise<void> {
  const { at, actorId, source, notes } = ctx;
  const tagId = async (slug: string) => (await tx.tag.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  let subjectId: string;
  let tag: string | null = null;
  switch (c.type) {
    case "tag.create": {
      const created = await tx.tag.create({
        data: { slug: c.slug, ...tagData(c.after) },
        select: { id: true, leadershipModel: true },
      });
      // Every TAG has its Chair and Tech Lead roles from its creation.
      await createLeadershipRoles(tx, created, { at, actorId });
      subjectId = tag = created.id;
      break;
    }
    case "tag.update":
      ({ id: subjectId } = await tx.tag.update({
        where: { slug: c.slug },
        data: tagData(c.after),
        select: { id: true },
      }));
      tag = subjectId;
      break;
    case "subproject.create":
      tag = await tagId(c.tagSlug);
      ({ id: subjectId } = await tx.subproject.create({
        data: { tagId: tag, slug: c.slug, ...c.after },
        select: { id: true },
      }));
      break;
    case "subproject.update":
      tag = await tagId(c.tagSlug);
      ({ id: subjectId } = await tx.subproject.update({
        where: { tagId_slug: { tagId: tag, slug: c.slug } },
        data: c.after,
        select: { id: true },
      }));
      break;
    case "user.placeholder":
      // claimedAt stays null: only a sign-in with this GitHub id claims the row (lib/auth/options.ts).
      ({ id: subjectId } = await tx.user.create({
        data: { githubId: BigInt(c.githubId), login: c.login, name: c.name ?? c.login, claimedAt: null, createdAt: at },
        select: { id: true },
      }));
      break;
    case "seat.create": {
      const t = await tx.tag.findUniqueOrThrow({
        where: { slug: c.tagSlug },
        select: { id: true, leadershipModel: true },
      });
      tag = t.id;
      const role = await ensureStandardRole(tx, t, c.kind, { at, actorId });
      const user = await tx.user.findUniqueOrThrow({
        where: { githubId: BigInt(c.githubId) },
        select: { id: true, login: true, region: true, employer: true },
      });
      const subprojectId = c.subprojectSlug
        ? (
            await tx.subproject.findUniqueOrThrow({
              where: { tagId_slug: { tagId: tag, slug: c.subprojectSlug } },
              select: { id: true },
            })
          ).id
        : null;
      const record = source.kind === "toc";
      try {
        // The one appointment path. The TOC's record holds whatever the TAG's rules say (a breach
        // is reported); a proposed seat must fit them, and nobody proposes themselves.
        // A pending seat opens its TOC vote at once, in this transaction (the CLI's too).
        const seat = await giveSeatForDecision(tx, {
          roleKey: role.roleKey,
          tagId: tag,
          person: user,
          by: record ? null : actorId,
          at,
          obtainedBy: "imported",
          status: c.pending ? "pending" : "active",
          startAt: toDate(c.startAt),
          termEndAt: toDate(c.termEndAt),
          decisionLink: record ? source.url : null,
          subprojectId,
          rules: record ? "report" : "enforce",
          audit: { action: "tags.import", after: { change: c.type, ...(actorId ? { importedBy: actorId } : {}) } },
        });
        for (const b of seat.breaches) notes.push(`recorded despite the role's rules: ${describeChange(c)}: ${b}`);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // giveSeat refuses before writing, so the import goes on; the refusal is on record.
        notes.push(`not imported: ${describeChange(c)}: ${e.message}`);
        await recordRefusal(tx, {
          at,
          actorId,
          action: "tags.import",
          subjectType: "Tag",
          subjectId: tag,
          tagId: tag,
          reason: `tags.yaml ${describeChange(c)}: ${e.message}`,
        });
      }
      return;
    }
    case "seat.confirm":
      ({ id: subjectId, tagId: tag } = await tx.roleAssignment.update({
        where: { id: c.seatId },
        data: { decisionLink: source.kind === "toc" ? source.url : null },
        select: { id: true, tagId: true },
      }));
      await activatePendingSeat(tx, c.seatId, { id: null, at });
      if (source.kind === "toc") await settleConfirmedSeat(tx, c.seatId, { actorId, at, link: source.url });
      break;
    case "seat.update":
      ({ id: subjectId, tagId: tag } = await tx.roleAssignment.update({
        where: { id: c.seatId },
        data: { startAt: toDate(c.after.startAt), termEndAt: toDate(c.after.termEndAt) },
        select: { id: true, tagId: true },
      }));
      break;
    case "seat.end":
      ({ id: subjectId, tagId: tag } = await tx.roleAssignment.update({
        where: { id: c.seatId },
        data: { status: "ended", endedAt: at, endReason: "Not listed in tags.yaml (import with --end-missing)" },
        select: { id: true, tagId: true },
      }));
      break;
  }
  const s = auditSubject(c);
  await recordAudit(tx, {
    at,
    actorId,
    action: "tags.import",
    subjectType: s.subjectType,
    subjectId,
    tagId: tag,
    before: s.before,
    after: { change: c.type, ...(s.after as object) },
  });
}

/**
 * Imports a tags.yaml text: parse (a malformed entry stops everything, named by line), resolve
 * seat holders' logins, plan against the portal, and unless `dryRun` apply the plan and keep
 * the text for export, all in one transaction. Running it again with the same text changes nothing.
 */
export async function importTagsYaml(
  db: PrismaClient,
  text: string,
  opts: TagsImportOptions,
): Promise<TagsImportResult> {
  const parsed = parseTagsYaml(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const resolutions = await opts.resolve(seatLogins(parsed.file));
  const planOpts = { endMissing: opts.endMissing ?? false, fromRecord: opts.source.kind === "toc" };
  if (opts.dryRun) {
    const snapshot = await db.$transaction((tx) => readPortalSnapshot(tx));
    return { ok: true, plan: planTagsImport(parsed.file, snapshot, resolutions, planOpts), applied: false };
  }
  const at = opts.at ?? new Date();
  const plan = await db.$transaction(
    async (tx) => {
      const plan = planTagsImport(parsed.file, await readPortalSnapshot(tx), resolutions, planOpts);
      const ctx = { at, actorId: opts.actorId ?? null, source: opts.source, notes: plan.notes };
      for (const c of plan.changes) await applyChange(tx, c, ctx);
      const source = await tx.tagsYamlSource.findUnique({ where: { id: 1 }, select: { text: true } });
      if (source?.text !== text) {
        await tx.tagsYamlSource.upsert({
          where: { id: 1 },
          create: { id: 1, text, importedAt: at },
          update: { text, importedAt: at },
        });
        await recordAudit(tx, {
          at,
          actorId: opts.actorId ?? null,
          action: "tags.import",
          subjectType: "TagsYamlSource",
          subjectId: "1",
          after: { change: "source.store", bytes: Buffer.byteLength(text) },
        });
      }
      return plan;
    },
    { timeout: 60_000 },
  );
  tagsChangedHere();
  return { ok: true, plan, applied: true };
}

/** The portal's TAGs and rosters in export's terms (current = active or on leave). */
export async function readExportState(db: PrismaClient | Tx): Promise<ExportState> {
  const tags = await db.tag.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      slug: true,
      name: true,
      mission: true,
      slackChannel: true,
      mailingList: true,
      tocLiaisons: true,
      tocLiaisonIds: true,
      subprojects: { orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true, mission: true } },
      roles: {
        where: { kind: { in: SEAT_KINDS } },
        orderBy: [{ startAt: "asc" }, { requestedAt: "asc" }],
        select: {
          kind: true,
          status: true,
          startAt: true,
          termEndAt: true,
          subprojectId: true,
          user: { select: { login: true, name: true, employer: true } },
        },
      },
    },
  });
  const liaisons = await tocLiaisonsOf(db, tags);
  return {
    tags: tags.map((t, i) => {
      const list = (kind: SeatKind, subprojectId: string | null): ExportSeatList => {
        const seats = t.roles.filter((r) => r.kind === kind && r.subprojectId === subprojectId);
        const current: ExportPerson[] = seats
          .filter((r) => (SITTING_SEAT_STATUSES as readonly string[]).includes(r.status))
          .map((r) => ({
            login: r.user.login,
            name: r.user.name,
            company: r.user.employer,
            start: isoDay(r.startAt),
            end: isoDay(r.termEndAt),
          }));
        const holding = new Set(current.map((p) => p.login.toLowerCase()));
        const ended = seats
          .filter((r) => (r.status === "ended" || r.status === "emeritus") && !holding.has(r.user.login.toLowerCase()))
          .map((r) => r.user.login);
        return { current, ended };
      };
      return {
        slug: t.slug,
        name: t.name,
        mission: t.mission,
        slackChannel: t.slackChannel,
        mailingList: t.mailingList,
        tocLiaisons: liaisons[i]!,
        chairs: list("chair", null),
        techLeads: list("tech_lead", null),
        subprojects: t.subprojects.map((s) => ({
          slug: s.slug,
          name: s.name,
          mission: s.mission,
          leads: list("subproject_lead", s.id),
        })),
      };
    }),
  };
}

/** tags.yaml as the portal now sees it: the last imported text, edited (see export.ts). */
export async function exportTagsYamlFromDatabase(db: PrismaClient): Promise<string> {
  const [source, state] = await db.$transaction(
    async (tx) =>
      [
        await tx.tagsYamlSource.findUnique({ where: { id: 1 }, select: { text: true } }),
        await readExportState(tx),
      ] as const,
  );
  return exportTagsYaml(source?.text ?? "", state);
}
