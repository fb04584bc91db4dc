import { z } from "zod";
import { AMBASSADOR_KINDS, githubLogin, httpUrl, LEAD_KINDS, REGIONS, ROLE_KINDS } from "@/lib/vocabulary";

/** Seats the foundation manages; the roster issue adds defined roles. */
export const LeaderKindSchema = z.enum(LEAD_KINDS);

export const AppointLeaderSchema = z.strictObject({
  tagId: z.uuid(),
  login: githubLogin(),
  kind: LeaderKindSchema,
  /** A shorter or longer term than the role's (months); empty: the role's term. */
  termMonths: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(60).optional()),
  decisionLink: z.preprocess(
    (v) => (v === "" ? undefined : v),
    httpUrl("Link the decision (meeting notes, issue)", 500).optional(),
  ),
});
export type AppointLeaderInput = z.infer<typeof AppointLeaderSchema>;

export const RequestEndSchema = z.strictObject({
  assignmentId: z.uuid(),
  reason: z.string().trim().min(3, "Say why").max(500),
});
export type RequestEndInput = z.infer<typeof RequestEndSchema>;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalInt = (min: number, message: string, max = 1000) =>
  z.preprocess(blankToUndefined, z.coerce.number().int("Whole numbers only").min(min, message).max(max).optional());
/** A cap of zero or below is refused: a cap of 0 would make the role impossible to hold. */
const optionalCap = optionalInt(1, "A cap must be at least 1 (leave it empty for no cap)");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalUrl = (message: string) => z.preprocess(blankToUndefined, httpUrl(message, 500).optional());

export const RoleKindSchema = z.enum(ROLE_KINDS);
export const AmbassadorKindSchema = z.enum(AMBASSADOR_KINDS);

/**
 * A role definition (new, or a new version of `roleKey`). Region caps arrive flat from forms
 * (`maxEMEA`, `minAPAC`, ...). CNCF defaults the form proposes: two-year terms for chairs and
 * tech leads, one year for subproject leads.
 */
export const RoleDefinitionSchema = z
  .strictObject({
    tagId: z.uuid(),
    roleKey: z.preprocess(blankToUndefined, z.uuid().optional()),
    name: z.string().trim().min(2, "Name the role").max(120),
    kind: RoleKindSchema,
    ambassadorKind: z.preprocess(blankToUndefined, AmbassadorKindSchema.optional()),
    responsibilities: z.string().trim().max(10_000).default(""),
    deliverables: z.string().trim().max(10_000).default(""),
    hoursPerMonth: optionalInt(1, "At least 1 hour", 200),
    termMonths: optionalInt(1, "At least 1 month (leave it empty for no term)", 120),
    selection: z.enum(["election", "appointment"]).default("appointment"),
    escalationPath: z.string().trim().max(2000).default(""),
    totalSeats: optionalCap,
    maxAPAC: optionalCap,
    maxEMEA: optionalCap,
    maxAmericas: optionalCap,
    minAPAC: optionalInt(0, "A minimum cannot be negative"),
    minEMEA: optionalInt(0, "A minimum cannot be negative"),
    minAmericas: optionalInt(0, "A minimum cannot be negative"),
    maxPerEmployer: optionalCap,
    eligibilityMinRecords: optionalInt(1, "At least 1 record (leave it empty for no rule)"),
    eligibilityWindowMonths: optionalInt(1, "At least 1 month", 60),
    /** A step of the TAG's leadership ladder (lib/pathways) that candidates must have reached. */
    requiredStep: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    needsTocApproval: checkbox.default(false),
    emeritusAfterTerm: checkbox.default(false),
    coverHasPowers: checkbox.default(false),
    /** `preview` (the form's Preview button) shows what saving would do and writes nothing. */
    mode: z.enum(["save", "preview"]).default("save"),
    /** How many seats the lead saw in the preview: saving adopts them only when the number still matches. */
    adoptCount: optionalInt(0, "Not a count"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "tag_ambassador" && !v.ambassadorKind)
      ctx.addIssue({ code: "custom", path: ["ambassadorKind"], message: "Say which kind of TAG Ambassador" });
    if (v.kind !== "tag_ambassador" && v.ambassadorKind)
      ctx.addIssue({
        code: "custom",
        path: ["ambassadorKind"],
        message: "Only TAG Ambassador roles have an ambassador kind",
      });
    if ((v.eligibilityMinRecords === undefined) !== (v.eligibilityWindowMonths === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["eligibilityWindowMonths"],
        message: "Give both the number of records and the window in months, or neither",
      });
    }
    for (const r of REGIONS) {
      const max = v[`max${r}`];
      const min = v[`min${r}`];
      if (max !== undefined && min !== undefined && min > max)
        ctx.addIssue({ code: "custom", path: [`min${r}`], message: `The ${r} minimum is above its maximum` });
      if (max !== undefined && v.totalSeats !== undefined && max > v.totalSeats)
        ctx.addIssue({ code: "custom", path: [`max${r}`], message: `The ${r} cap is above the total seats` });
    }
  });
export type RoleDefinitionInput = z.infer<typeof RoleDefinitionSchema>;

export const AppointToRoleSchema = z.strictObject({
  roleDefinitionId: z.uuid(),
  login: githubLogin(),
  decisionLink: optionalUrl("Link the decision (meeting notes, issue)"),
});
export type AppointToRoleInput = z.infer<typeof AppointToRoleSchema>;

/** An objection to a consensus appointment, in its window (issue 21, point 5). */
export const ObjectToAppointmentSchema = z.strictObject({
  assignmentId: z.uuid(),
  reason: z.string().trim().min(10, "Say why you object (at least 10 characters)").max(2000),
});
export type ObjectToAppointmentInput = z.infer<typeof ObjectToAppointmentSchema>;

export const AssignmentChangeSchema = z.strictObject({
  assignmentId: z.uuid(),
  change: z.enum(["renew", "end", "emeritus"]),
  reason: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
});
export type AssignmentChangeInput = z.infer<typeof AssignmentChangeSchema>;

export const RetireRoleSchema = z.strictObject({ tagId: z.uuid(), roleKey: z.uuid() });
export type RetireRoleInput = z.infer<typeof RetireRoleSchema>;

export const ResignSchema = z.strictObject({
  assignmentId: z.uuid(),
  reason: z.string().trim().min(3, "Say why, in a few words").max(500),
});
export type ResignInput = z.infer<typeof ResignSchema>;

export const CancelPendingSchema = z.strictObject({
  assignmentId: z.uuid(),
  reason: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
});
export type CancelPendingInput = z.infer<typeof CancelPendingSchema>;

export const MoveToFellowSchema = z.strictObject({
  assignmentId: z.uuid(),
  roleDefinitionId: z.uuid(),
  decisionLink: optionalUrl("Link the decision (meeting notes, issue)"),
});
export type MoveToFellowInput = z.infer<typeof MoveToFellowSchema>;

const isoDate = (label: string) => z.iso.date(`${label}: a date (YYYY-MM-DD)`);

const leaveFields = {
  from: isoDate("From"),
  to: isoDate("To"),
  note: z.string().trim().max(1000).default(""),
  coverLogin: z.preprocess(blankToUndefined, githubLogin().optional()),
};
const leaveEndsAfterStart = [
  (v: { from: string; to: string }) => v.to >= v.from,
  { path: ["to"], message: "The leave ends before it starts" },
] as [(v: { from: string; to: string }) => boolean, { path: string[]; message: string }];

export const LeaveSchema = z.strictObject({ assignmentId: z.uuid(), ...leaveFields }).refine(...leaveEndsAfterStart);
export type LeaveInput = z.infer<typeof LeaveSchema>;

export const UpdateLeaveSchema = z.strictObject({ leaveId: z.uuid(), ...leaveFields }).refine(...leaveEndsAfterStart);
export type UpdateLeaveInput = z.infer<typeof UpdateLeaveSchema>;

export const CancelLeaveSchema = z.strictObject({ leaveId: z.uuid() });
export type CancelLeaveInput = z.infer<typeof CancelLeaveSchema>;

export const OpenRemovalSchema = z.strictObject({
  assignmentId: z.uuid(),
  reason: z.string().trim().min(3, "Say why").max(1000),
});
export type OpenRemovalInput = z.infer<typeof OpenRemovalSchema>;
