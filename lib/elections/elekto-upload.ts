import "server-only";
import { requirePermission } from "@/lib/auth/actor";
import { githubLookupApi } from "@/lib/github-access/tokens";
import { githubLoginResolver } from "@/lib/auth/github-logins";
import type { Actor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ElektoArchiveError, readElektoArchive, writeElektoZip } from "./elekto-archive";
import {
  ElektoImportError,
  exportElektoElection,
  importElektoElection,
  parseElektoFolder,
  planElektoImport,
} from "./elekto";
import { requireOfficer } from "./context";
import { ElektoUploadSchema, type ElektoUploadInput } from "./schemas";

/**
 * `/elections/import`: an officer (a TAG's lead, or an admin) uploads an Elekto folder as a zip or
 * a tarball, previews what it creates, then imports it: the same parse -> plan -> apply as
 * `npm run elekto:import`, in one transaction with its audit event. A refused archive or folder
 * says why and writes nothing.
 */
export async function uploadElektoArchive(actor: Actor | null, input: ElektoUploadInput) {
  const parsed = ElektoUploadSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Some fields need attention.");
  const { tagSlug, role, votingOpensOn, archive, mode } = parsed.data;
  const tag = await db.tag.findUnique({ where: { slug: tagSlug }, select: { id: true } });
  const a = await requirePermission(actor, "election.run", { tagId: tag?.id ?? null, subjectType: "Tag" });
  if (!tag) throw new AppError("NOT_FOUND", "No such TAG.");
  let files: Record<string, string>;
  let ignored: string[];
  try {
    ({ files, ignored } = await readElektoArchive(Buffer.from(archive, "base64")));
  } catch (e) {
    if (e instanceof ElektoArchiveError) throw new AppError("INVALID", e.message, { archive: [e.message] });
    throw e;
  }
  const folder = parseElektoFolder(files);
  if (!folder.ok)
    throw new AppError(
      "INVALID",
      `The folder has ${folder.errors.length} ${folder.errors.length === 1 ? "problem" : "problems"}; nothing was imported.`,
      { archive: folder.errors },
    );
  const opts = {
    tagSlug,
    role: role || undefined,
    resolve: githubLoginResolver(await githubLookupApi()),
    actorId: a.id,
    at: await now(),
    votingOpensAt: votingOpensOn,
  };
  try {
    if (mode === "preview") return { imported: null, plan: await planElektoImport(db, folder.folder, opts), ignored };
    const r = await importElektoElection(db, folder.folder, opts);
    return { imported: r.electionId, plan: r.plan, ignored };
  } catch (e) {
    if (e instanceof ElektoImportError)
      throw new AppError("INVALID", `${e.message[0]!.toUpperCase()}${e.message.slice(1)}.`);
    throw e;
  }
}

/**
 * An election as an Elekto folder in a zip, for its officers (an admin oversees every election):
 * the voter roll goes with it, and `ballots.csv` only once the ballots are counted and published.
 */
export async function exportElektoZip(actor: Actor | null, electionId: string) {
  const { election } = await requireOfficer(actor, electionId);
  const { files } = await exportElektoElection(db, electionId);
  const name =
    election.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "election";
  return { fileName: `${name}.zip`, bytes: writeElektoZip(name, files) };
}
