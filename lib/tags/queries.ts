import "server-only";
import { db } from "@/lib/db";

/** Every TAG for the directory, alphabetical. */
export function listTags() {
  return db.tag.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, mission: true, slackChannel: true, mailingList: true },
  });
}

/** One TAG with what its page shows, or null for an unknown slug. */
export function findTagBySlug(slug: string) {
  return db.tag.findUnique({
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
      boardReviewMonths: true,
      staleAfterDays: true,
      autoAccept: true,
      maxActiveClaims: true,
      leadershipModel: true,
      subprojects: { orderBy: { name: "asc" }, select: { slug: true, name: true, mission: true } },
    },
  });
}
