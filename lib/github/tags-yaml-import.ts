import "server-only";
import { requirePermission } from "@/lib/auth/actor";
import { githubLookupApi } from "@/lib/github-access/tokens";
import type { Actor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importTagsYaml, type TagsImportSource } from "@/lib/tags-yaml/apply";
import { fetchTocTagsYaml } from "@/lib/tags-yaml/fetch";
import { TOC_REPOSITORY, TOC_TAGS_FILE } from "@/lib/github-access/toc-repository";
import { formatNote } from "@/lib/tags-yaml/parse";
import { describePlan } from "@/lib/tags-yaml/plan";
import { githubLoginResolver } from "@/lib/auth/github-logins";
import type { TagsImportInput } from "@/lib/tags-yaml/schemas";

/**
 * `/admin/tags-import`: an admin previews (dry run) or applies a tags.yaml import, either the TOC's
 * own file fetched from cncf/toc (the TOC's record: seats held at once, the commit as decision
 * link) or a pasted file (new seats pending a TOC decision; the admin's own seat refused). Same
 * code path as `npm run tags:import`; the audit events name the admin.
 */
export async function importTagsYamlAsAdmin(actor: Actor | null, input: TagsImportInput) {
  const a = await requirePermission(actor, "tag.manage", { subjectType: "TagsYamlSource" });
  const api = await githubLookupApi();
  let text = input.text;
  let source: TagsImportSource = { kind: "file" };
  if (input.source === "toc") {
    const toc = await fetchTocTagsYaml(api).catch((e: unknown) => {
      throw new AppError(
        "CONFLICT",
        `Could not read ${TOC_TAGS_FILE} from ${TOC_REPOSITORY}: ${e instanceof Error ? e.message : String(e)}`,
      );
    });
    text = toc.text;
    source = { kind: "toc", commit: toc.commit, url: toc.url };
  }
  const result = await importTagsYaml(db, text, {
    resolve: githubLoginResolver(api),
    source,
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
    source: source.kind === "toc" ? `${TOC_REPOSITORY} at ${source.commit.slice(0, 12)}` : "the pasted file",
    changes: result.plan.changes.length,
    unresolved: result.plan.unresolved.length,
    lines: describePlan(result.plan, { endMissing: input.endMissing }),
  };
}
