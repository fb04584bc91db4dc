import "server-only";
import { requirePermission } from "@/lib/auth/actor";
import { githubUrls } from "@/lib/auth/github";
import type { Actor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importTagsYaml } from "./apply";
import { formatNote } from "./parse";
import { describePlan } from "./plan";
import { githubLoginResolver } from "./resolve";
import type { TagsImportInput } from "./schemas";

/**
 * `/admin/tags-import`: an admin previews (dry run) or applies a tags.yaml import. Same code
 * path as `npm run tags:import`; the audit events name the admin.
 */
export async function importTagsYamlAsAdmin(actor: Actor | null, input: TagsImportInput) {
  const a = await requirePermission(actor, "tag.manage", { subjectType: "TagsYamlSource" });
  const resolve = githubLoginResolver({ apiUrl: githubUrls().api, token: env().GITHUB_API_TOKEN ?? null });
  const result = await importTagsYaml(db, input.text, {
    resolve,
    dryRun: input.mode === "preview",
    endMissing: input.endMissing,
    actorId: a.id,
    at: await now(),
  });
  if (!result.ok) {
    const lines = result.errors.map(formatNote);
    throw new AppError(
      "INVALID",
      `The file has ${lines.length} malformed ${lines.length === 1 ? "entry" : "entries"}; nothing was imported.`,
      { text: lines },
    );
  }
  return {
    applied: result.applied,
    changes: result.plan.changes.length,
    unresolved: result.plan.unresolved.length,
    lines: describePlan(result.plan, { endMissing: input.endMissing }),
  };
}
