import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { SelfReportSchema } from "@/lib/contributions/schemas";
import { RecordExternalSchema } from "@/lib/decisions/schemas";
import { DoneSchema, ProgressSchema } from "@/lib/help-wanted/schemas";
import { CheckInSchema } from "@/lib/liaisons/schemas";
import { AppointLeaderSchema, AppointToRoleSchema, MoveToFellowSchema } from "@/lib/roles/schemas";
import { TagSchema } from "@/lib/tags/schemas";

/**
 * docs/security.md, I5: every link field people type takes http(s) only (issue 16, finding 4).
 * Each case is a valid input with its link field; swapping in a hostile link must fail on that field.
 */
const id = "0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c";
const CASES: { name: string; schema: z.ZodType; input: Record<string, unknown>; field: string }[] = [
  { name: "progress link", schema: ProgressSchema, input: { claimId: id, body: "Did it" }, field: "link" },
  { name: "evidence link", schema: DoneSchema, input: { claimId: id }, field: "evidenceUrl" },
  {
    name: "check-in link",
    schema: CheckInSchema,
    input: { liaisonId: id, date: "2026-12-01", notes: "Went well", health: "fine" },
    field: "link",
  },
  {
    name: "decision link (appoint a leader)",
    schema: AppointLeaderSchema,
    input: { tagId: id, login: "octocat", kind: "chair" },
    field: "decisionLink",
  },
  {
    name: "decision link (appoint to a role)",
    schema: AppointToRoleSchema,
    input: { roleDefinitionId: id, login: "octocat" },
    field: "decisionLink",
  },
  {
    name: "decision link (advisory fellow)",
    schema: MoveToFellowSchema,
    input: { assignmentId: id, roleDefinitionId: id },
    field: "decisionLink",
  },
  {
    name: "TOC decision's vote link",
    schema: RecordExternalSchema,
    input: { decisionId: id, outcome: "approved" },
    field: "link",
  },
  { name: "mailing list", schema: TagSchema, input: { slug: "links", name: "Links TAG" }, field: "mailingList" },
  {
    name: "self-reported contribution",
    schema: SelfReportSchema,
    input: { tagSlug: "links", kind: "talk", title: "A talk", occurredAt: "2026-11-01" },
    field: "link",
  },
];

const HOSTILE = [
  "javascript:alert(1)",
  "JAVASCRIPT:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
];

describe("link fields take http(s) only", () => {
  for (const c of CASES)
    it(c.name, () => {
      const ok = c.schema.safeParse({ ...c.input, [c.field]: "https://github.com/cncf/toc/pull/1" });
      expect(ok.error?.issues ?? [], "the valid input parses").toEqual([]);
      for (const link of HOSTILE) {
        const r = c.schema.safeParse({ ...c.input, [c.field]: link });
        expect(r.success, `${c.field} = ${link}`).toBe(false);
        expect(
          r.error?.issues.map((i) => i.path.join(".")),
          link,
        ).toEqual([c.field]);
      }
    });
});
