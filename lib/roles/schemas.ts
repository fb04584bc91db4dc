import { z } from "zod";

/** Seats the foundation manages; the roster issue adds defined roles. */
export const LeaderKindSchema = z.enum(["chair", "tech_lead"]);

export const AppointLeaderSchema = z.strictObject({
  tagId: z.uuid(),
  login: z.string().trim().regex(/^[A-Za-z0-9-]{1,39}$/, "Enter a GitHub login"),
  kind: LeaderKindSchema,
  /** CNCF default: chairs and tech leads serve two-year terms. */
  termMonths: z.coerce.number().int().min(1).max(60).default(24),
  decisionLink: z.preprocess((v) => (v === "" ? undefined : v), z.url("Link the decision (meeting notes, issue)").max(500).optional()),
});
export type AppointLeaderInput = z.infer<typeof AppointLeaderSchema>;

export const RequestEndSchema = z.strictObject({
  assignmentId: z.uuid(),
  reason: z.string().trim().min(3, "Say why").max(500),
});
export type RequestEndInput = z.infer<typeof RequestEndSchema>;

export const DecideChangeSchema = z.strictObject({
  assignmentId: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(500).optional(),
});
export type DecideChangeInput = z.infer<typeof DecideChangeSchema>;
