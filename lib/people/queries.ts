import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { activityFor, type Activity } from "@/lib/contributions/activity";
import { listPersonSeats } from "@/lib/roles/queries";
import { windowEndingAt } from "@/lib/vocabulary";

/**
 * GitHub logins: letters, digits and hyphens, at most 39 characters. Checking the shape first
 * also keeps `%` and `_` (LIKE wildcards under a case-insensitive match) out of the query.
 */
const LOGIN = /^[A-Za-z0-9-]{1,39}$/;

export interface PublicProfile {
  login: string;
  name: string | null;
  avatarUrl: string | null;
  region: string | null;
  employer: string | null;
  skills: string[];
  interests: string[];
  bio: string;
  /** Contributions across all TAGs over the last 12 months. */
  activity: Activity;
  activityFrom: Date;
  activityTo: Date;
  /** Roster history: seats held or awaiting approval, newest first. */
  seats: Awaited<ReturnType<typeof listPersonSeats>>;
}

/**
 * A person's public profile (DESIGN.md: login, name, avatar, region, employer, skills,
 * contributions; plus the interests and bio they wrote to be read). Never email, timezone or
 * hours. Logins match ignoring case, as on GitHub; when two rows share a login (GitHub frees
 * renamed logins, identity is the numeric id) the most recently updated one is shown.
 */
export async function findPublicProfile(login: string): Promise<PublicProfile | null> {
  if (!LOGIN.test(login)) return null;
  const user = await db.user.findFirst({
    where: { login: { equals: login, mode: "insensitive" } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      login: true,
      name: true,
      avatarUrl: true,
      region: true,
      employer: true,
      skills: true,
      interests: true,
      bio: true,
    },
  });
  if (!user) return null;
  const to = await now();
  const { from } = windowEndingAt(to, 12);
  const [activity, seats] = await Promise.all([activityFor(user.id, null, { from, to }), listPersonSeats(user.id)]);
  const { id: _id, ...shown } = user;
  return { ...shown, activity, activityFrom: from, activityTo: to, seats };
}

/** Everything `/me` shows its owner (still never the email), or null if the account is gone. */
export function getOwnProfile(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      login: true,
      name: true,
      avatarUrl: true,
      region: true,
      timezone: true,
      employer: true,
      skills: true,
      interests: true,
      languages: true,
      hoursPerMonth: true,
      bio: true,
      employers: {
        orderBy: [{ from: "desc" }, { id: "asc" }],
        select: { id: true, employer: true, from: true, to: true },
      },
    },
  });
}
export type OwnProfile = NonNullable<Awaited<ReturnType<typeof getOwnProfile>>>;
