import "server-only";
import { db } from "@/lib/db";

/** Every TAG for the directory, alphabetical. */
export function listTags() {
  return db.tag.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, mission: true, slackChannel: true, mailingList: true },
  });
}
