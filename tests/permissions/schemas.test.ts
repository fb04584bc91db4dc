import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { GrantRoleSchema, ImportAmbassadorsSchema, VerifyAmbassadorSchema } from "@/lib/admin/schemas";
import { MarkReadSchema } from "@/lib/notify/schemas";
import { AppointLeaderSchema, RequestEndSchema } from "@/lib/roles/schemas";
import {
  CastVoteSchema,
  DecisionRuleSchema,
  DeclareConflictSchema,
  RecordExternalSchema,
  RemovalSupermajoritySchema,
} from "@/lib/decisions/schemas";
import { TagSchema, UpdateTagSchema } from "@/lib/tags/schemas";
import { AnswerInvitationSchema, InviteSchema } from "@/lib/help-wanted/schemas";
import { HideItemSchema, MatchSettingsSchema } from "@/lib/matching/schemas";

const uuid = "6f1c1c2e-3b1a-4c55-9a0e-2f4d3b9c8a71";

/** Every action schema with one valid input. */
const SCHEMAS: [string, z.ZodType, Record<string, unknown>][] = [
  ["TagSchema", TagSchema, { slug: "demo-tag", name: "TAG Demo" }],
  ["UpdateTagSchema", UpdateTagSchema, { id: uuid, slug: "demo-tag", name: "TAG Demo" }],
  ["AppointLeaderSchema", AppointLeaderSchema, { tagId: uuid, login: "someone", kind: "chair" }],
  ["RequestEndSchema", RequestEndSchema, { assignmentId: uuid, reason: "moved on" }],
  ["CastVoteSchema", CastVoteSchema, { decisionId: uuid, choice: "abstain" }],
  ["DeclareConflictSchema", DeclareConflictSchema, { decisionId: uuid, note: "same employer" }],
  [
    "RecordExternalSchema",
    RecordExternalSchema,
    { decisionId: uuid, outcome: "approved", link: "https://github.com/cncf/toc/issues/1" },
  ],
  ["DecisionRuleSchema", DecisionRuleSchema, { threshold: "two-thirds", base: "cast", periodDays: "7", quorum: "all" }],
  ["RemovalSupermajoritySchema", RemovalSupermajoritySchema, { tagId: uuid, supermajority: "three-quarters" }],
  ["GrantRoleSchema", GrantRoleSchema, { userId: uuid, role: "toc", grant: true }],
  ["VerifyAmbassadorSchema", VerifyAmbassadorSchema, { userId: uuid, verified: true }],
  ["ImportAmbassadorsSchema", ImportAmbassadorsSchema, { logins: "one-login, two-login" }],
  ["MarkReadSchema", MarkReadSchema, { ids: "all" }],
  ["InviteSchema", InviteSchema, { itemId: uuid, userId: uuid, message: "" }],
  ["AnswerInvitationSchema", AnswerInvitationSchema, { claimId: uuid, decision: "accept" }],
  ["HideItemSchema", HideItemSchema, { itemId: uuid, hidden: "true" }],
  ["MatchSettingsSchema", MatchSettingsSchema, { preferredKinds: ["content"], matchOptOut: "on", digestOptIn: "" }],
];

describe("action schemas", () => {
  it.each(SCHEMAS)("%s accepts its valid input", (_name, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it.each(SCHEMAS)("%s rejects mass assignment (role, isAdmin, another user's id)", (_name, schema, valid) => {
    for (const extra of [
      { isAdmin: true },
      { role: "admin" },
      { actorId: uuid },
      { userId: uuid, createdById: uuid },
    ]) {
      const input = { ...extra, ...valid };
      const keys = Object.keys(extra).filter((k) => !(k in valid));
      if (keys.length === 0) continue;
      const r = schema.safeParse(input);
      expect(r.success, `${JSON.stringify(extra)} was accepted`).toBe(false);
    }
  });

  it.each(SCHEMAS)("%s answers arbitrary input with a result, never a crash", (_name, schema, valid) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...Object.keys(valid), "x"), fc.anything())),
        (input) => {
          const r = schema.safeParse(input);
          expect(typeof r.success).toBe("boolean");
        },
      ),
      { numRuns: 300 },
    );
  });
});
