/**
 * The public API's response shapes (`/api/v1`), once: the route handlers build bodies of these
 * types, and the OpenAPI document's JSON Schemas are generated from them (zod 4's
 * `z.toJSONSchema`), so the document cannot drift from what the code returns. Pure.
 */
import { z } from "zod";
import { BOARD_KINDS, LEADERSHIP_MODELS, REGIONS } from "@/lib/vocabulary";
import { SEAT_STATES } from "@/lib/roles/seats";
import { ERROR_CODES } from "@/lib/errors";

/** Every schema that gets a name in the OpenAPI document's `components.schemas`. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

const dateTime = z.iso.datetime();
const day = z.iso.date();
const url = z.url();
const regionCounts = z.object({ APAC: z.int().optional(), EMEA: z.int().optional(), Americas: z.int().optional() });
/** Cursor pagination: pass `nextCursor` back as `cursor`; null on the last page. */
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([...(Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]), "INTERNAL"]),
      message: z.string(),
      /** Per query parameter, what was wrong (400 only). */
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .register(apiRegistry, {
    id: "Error",
    description: "Every error answer: a code from a fixed list and a human-readable message.",
  });

export const TagSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    mission: z.string(),
    leadershipModel: z.enum(LEADERSHIP_MODELS),
    mailingList: z.string().nullable(),
    slackChannel: z.string().nullable(),
    url,
  })
  .register(apiRegistry, { id: "TagSummary" });

export const RoleSchema = z
  .object({
    key: z.uuid(),
    name: z.string(),
    kind: z.enum(["chair", "tech-lead", "tag-ambassador", "advisory-fellow", "subproject-lead", "custom"]),
    ambassadorKind: z.enum(["project-liaison", "foundation-liaison", "community-organizer"]).nullable(),
    termMonths: z.int().nullable(),
    hoursPerMonth: z.int().nullable(),
    selection: z.enum(["election", "appointment"]),
    totalSeats: z.int().nullable(),
    maxPerRegion: regionCounts,
    minPerRegion: regionCounts,
    maxPerEmployer: z.int().nullable(),
    needsTocApproval: z.boolean(),
    /** Retired: takes no new seats; the seats held run to their term end. */
    retired: z.boolean(),
    /** Seats held now: active and on leave. */
    holders: z.int(),
    /** Appointments awaiting the TOC: never counted as held, never subtracted from vacancies. */
    pending: z.int(),
    /** max(0, totalSeats - holders); null when the role has no total (0 once retired). */
    vacancies: z.int().nullable(),
  })
  .register(apiRegistry, { id: "Role" });

export const RosterEntrySchema = z
  .object({
    login: z.string(),
    name: z.string().nullable(),
    role: z.string(),
    /** The `key` of its role in `roles`. */
    roleKey: z.uuid().nullable(),
    kind: z.string(),
    region: z.enum(REGIONS).nullable(),
    employer: z.string().nullable(),
    status: z.enum(SEAT_STATES),
    start: day.nullable(),
    termEnd: day.nullable(),
    obtainedBy: z.string(),
  })
  .register(apiRegistry, { id: "RosterEntry" });

export const TagDetailSchema = TagSummarySchema.extend({
  repositories: z.array(z.string()),
  meetings: z.string(),
  tocLiaisons: z.array(z.string()),
  subprojects: z.array(z.object({ slug: z.string(), name: z.string(), mission: z.string() })),
  roles: z.array(RoleSchema),
  roster: z.array(RosterEntrySchema),
}).register(apiRegistry, { id: "TagDetail" });

export const TagPageSchema = page(TagSummarySchema).register(apiRegistry, { id: "TagPage" });

export const HelpWantedItemSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(BOARD_KINDS),
    status: z.enum(["open", "filled", "closed"]),
    skills: z.array(z.string()),
    effortHours: z.int().nullable(),
    region: z.enum(REGIONS).nullable(),
    dueAt: dateTime.nullable(),
    overdue: z.boolean(),
    places: z.int(),
    placesTaken: z.int(),
    createdAt: dateTime,
    tags: z.array(z.object({ slug: z.string(), name: z.string() })),
    excerpt: z.string(),
    /** The linked GitHub issue as the portal last read it (sync or webhook), when there is one. */
    githubIssue: z
      .object({ url: z.url(), state: z.string().nullable(), assignees: z.array(z.string()) })
      .nullable()
      .optional(),
    url,
  })
  .register(apiRegistry, { id: "HelpWantedItem" });

export const HelpWantedPageSchema = page(HelpWantedItemSchema).register(apiRegistry, { id: "HelpWantedPage" });

export const ElectionSchema = z
  .object({
    id: z.uuid(),
    tag: z.object({ slug: z.string(), name: z.string() }),
    role: z.string().nullable(),
    title: z.string(),
    phase: z.enum(["nominations", "voting", "closed", "tallied", "approved", "published", "cancelled"]),
    method: z.enum(["schulze", "stv"]),
    seatsByRegion: z.record(z.string(), z.int()),
    nominationsOpenAt: dateTime,
    nominationsCloseAt: dateTime,
    votingOpenAt: dateTime,
    votingCloseAt: dateTime,
    publishedAt: dateTime.nullable(),
    /** A test election (a rehearsal): its ballots are discarded at close and its count elects nobody. */
    isTest: z.boolean(),
    /** Set once the election is published. */
    resultsUrl: url.nullable(),
    /** Set once published, when the election publishes its individual ballots. */
    ballotsUrl: url.nullable(),
  })
  .register(apiRegistry, { id: "Election" });

export const ElectionPageSchema = page(ElectionSchema).register(apiRegistry, { id: "ElectionPage" });

export const ElectionResultsSchema = z
  .object({
    election: ElectionSchema,
    /** Every published file with its SHA-256 (lowercase hex), to check a download or a re-count. */
    files: z.array(z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.int() })),
    /** The published result.json, rules.json and matrix.json as JSON (null when absent). */
    result: z.unknown(),
    rules: z.unknown(),
    matrix: z.unknown(),
  })
  .register(apiRegistry, { id: "ElectionResults" });

export type ApiError = z.infer<typeof ApiErrorSchema>;
export type TagSummary = z.infer<typeof TagSummarySchema>;
export type TagDetail = z.infer<typeof TagDetailSchema>;
export type TagPage = z.infer<typeof TagPageSchema>;
export type HelpWantedPage = z.infer<typeof HelpWantedPageSchema>;
export type ApiElection = z.infer<typeof ElectionSchema>;
export type ElectionPage = z.infer<typeof ElectionPageSchema>;
export type ElectionResults = z.infer<typeof ElectionResultsSchema>;

/** `cursor` and `limit` of the list endpoints (the help-wanted list uses the board's own parameters). */
export const PageQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,512}$/, "Not a cursor from this list")
    .optional(),
  limit: z.coerce
    .number()
    .int("limit is a whole number")
    .min(1, "limit is at least 1")
    .max(100, "limit is at most 100")
    .default(20),
});
