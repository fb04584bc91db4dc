import "server-only";
import { db } from "@/lib/db";
import { tocLiaisonsOf } from "@/lib/people/liaisons";

/** Every TAG for the directory, alphabetical. */
export function listTags() {
  return db.tag.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, mission: true, slackChannel: true, mailingList: true },
  });
}

/** One TAG with what its page shows, or null for an unknown slug; TOC liaisons by their current logins. */
export async function findTagBySlug(slug: string) {
  const tag = await db.tag.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      mission: true,
      activityMinRecords: true,
      activityWindowMonths: true,
      repositories: true,
      slackChannel: true,
      mailingList: true,
      meetings: true,
      tocLiaisons: true,
      tocLiaisonIds: true,
      boardReviewMonths: true,
      staleAfterDays: true,
      autoAccept: true,
      maxActiveClaims: true,
      leadershipModel: true,
      subprojects: { orderBy: { name: "asc" }, select: { slug: true, name: true, mission: true } },
    },
  });
  if (!tag) return null;
  const { tocLiaisonIds: _ids, ...rest } = tag;
  const [liaisons] = await tocLiaisonsOf(db, [tag]);
  return { ...rest, tocLiaisons: liaisons!.map((l) => l.login) };
}
