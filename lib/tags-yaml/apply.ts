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
  planTagsImport,
  seatLogins,
  type PortalSnapshot,
  type SeatKind,
  type TagsImportChange,
  type TagsImportPlan,
} from "./plan.ts";
import type { LoginResolver } from "./resolve.ts";
import { isoDay, SEAT_TAKEN_STATUSES, SITTING_SEAT_STATUSES } from "../vocabulary/index.ts";
import type { Tx } from "../db.ts";
import { recordAudit } from "../audit/record.ts";

const SEAT_KINDS: SeatKind[] = ["chair", "tech_lead", "subproject_lead"];
const toDate = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

export interface TagsImportOptions {
  resolve: LoginResolver;
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
    },
  });
  const subprojects = await tx.subproject.findMany({
    select: { id: true, slug: true, name: true, mission: true, tag: { select: { slug: true } } },
  });
  const seats = await tx.roleAssignment.findMany({
    where: { kind: { in: SEAT_KINDS }, status: { in: [...SEAT_TAKEN_STATUSES] } },
    orderBy: { requestedAt: "asc" },
    select: {
      id: true,
      kind: true,
      startAt: true,
      termEndAt: true,
      tag: { select: { slug: true } },
      subproject: { select: { slug: true } },
      user: { select: { githubId: true, login: true } },
    },
  });
  const users = await tx.user.findMany({ select: { githubId: true } });
  return {
    tags,
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
          status: "active",
          startAt: c.startAt,
          termEndAt: c.termEndAt,
        },
      };
    case "seat.update":
      return { subjectType: "RoleAssignment", before: c.before, after: c.after };
    case "seat.end":
      return {
        subjectType: "RoleAssignment",
        before: { status: "active" },
        after: { status: "ended", reason: "not in tags.yaml" },
      };
  }
}

async function applyChange(tx: Tx, c: TagsImportChange, at: Date, actorId: string | null): Promise<void> {
  const tagId = async (slug: string) => (await tx.tag.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  let subjectId: string;
  let tag: string | null = null;
  switch (c.type) {
    case "tag.create":
      ({ id: subjectId } = await tx.tag.create({ data: { slug: c.slug, ...c.after }, select: { id: true } }));
      tag = subjectId;
      break;
    case "tag.update":
      ({ id: subjectId } = await tx.tag.update({ where: { slug: c.slug }, data: c.after, select: { id: true } }));
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
      tag = await tagId(c.tagSlug);
      const user = await tx.user.findUniqueOrThrow({
        where: { githubId: BigInt(c.githubId) },
        select: { id: true, region: true },
      });
      const subprojectId = c.subprojectSlug
        ? (
            await tx.subproject.findUniqueOrThrow({
              where: { tagId_slug: { tagId: tag, slug: c.subprojectSlug } },
              select: { id: true },
            })
          ).id
        : null;
      ({ id: subjectId } = await tx.roleAssignment.create({
        data: {
          tagId: tag,
          userId: user.id,
          kind: c.kind,
          status: "active",
          regionAtStart: user.region,
          startAt: toDate(c.startAt),
          termEndAt: toDate(c.termEndAt),
          requestedAt: at,
          decidedAt: at,
          subprojectId,
          obtainedBy: "imported",
        },
        select: { id: true },
      }));
      break;
    }
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
  const planOpts = { endMissing: opts.endMissing ?? false };
  if (opts.dryRun) {
    const snapshot = await db.$transaction((tx) => readPortalSnapshot(tx));
    return { ok: true, plan: planTagsImport(parsed.file, snapshot, resolutions, planOpts), applied: false };
  }
  const at = opts.at ?? new Date();
  const plan = await db.$transaction(
    async (tx) => {
      const plan = planTagsImport(parsed.file, await readPortalSnapshot(tx), resolutions, planOpts);
      for (const c of plan.changes) await applyChange(tx, c, at, opts.actorId ?? null);
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
  const liaisonLogins = [...new Set(tags.flatMap((t) => t.tocLiaisons.map((l) => l.toLowerCase())))];
  const liaisonNames = new Map(
    (
      await db.user.findMany({
        where: { login: { in: liaisonLogins, mode: "insensitive" } },
        select: { login: true, name: true },
      })
    ).map((u) => [u.login.toLowerCase(), u.name]),
  );
  return {
    tags: tags.map((t) => {
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
        tocLiaisons: t.tocLiaisons.map((login) => ({ login, name: liaisonNames.get(login.toLowerCase()) ?? null })),
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
