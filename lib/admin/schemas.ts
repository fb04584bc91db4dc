import { z } from "zod";
import { GITHUB_LOGIN_RE } from "@/lib/vocabulary";

export const GrantRoleSchema = z.strictObject({
  userId: z.uuid(),
  role: z.enum(["toc", "admin"]),
  grant: z.preprocess((v) => v === true || v === "true", z.boolean()),
});
export type GrantRoleInput = z.infer<typeof GrantRoleSchema>;

export const VerifyAmbassadorSchema = z.strictObject({
  userId: z.uuid(),
  verified: z.preprocess((v) => v === true || v === "true", z.boolean()),
});
export type VerifyAmbassadorInput = z.infer<typeof VerifyAmbassadorSchema>;

export const ImportAmbassadorsSchema = z.strictObject({
  logins: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/[\s,]+/)
            .map((s) => s.replace(/^@/, "").trim())
            .filter(Boolean)
        : v,
    z
      .array(z.string().regex(GITHUB_LOGIN_RE, "Not a GitHub login"))
      .min(1, "Paste at least one GitHub login")
      .max(500, "At most 500 logins at once"),
  ),
});
export type ImportAmbassadorsInput = z.infer<typeof ImportAmbassadorsSchema>;
