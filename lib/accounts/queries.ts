import "server-only";
import { hiddenTexts } from "@/lib/reports/queries";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import {
  activityByTag,
  activityKey,
  tagsWithActivity,
  type ActivityWindowDays,
  type ActivityStatus,
} from "@/lib/contributions/activity";
import { activityRuleText, GITHUB_LOGIN_RE } from "@/lib/vocabulary";
import { listPersonSeats } from "@/lib/roles/queries";

export interface ProfileTagActivity {
  tag: { slug: string; name: string };
  /** Counted contributions in the TAG over the last 30, 90 and 365 days. */
  days: Record<ActivityWindowDays, number>;
  lastAt: Date | null;
  status: ActivityStatus;
  /** The TAG's rule in words: "at least 3 contributions in 6 months". */
  rule: string;
}

export interface PublicProfile {
  login: string;
  name: string | null;
  avatarUrl: string | null;
  region: string | null;
  /** Only when the person made it public (ISO 3166-1 alpha-2). */
  country: string | null;
  employer: string | null;
  skills: string[];
  interests: string[];
  bio: string;
  /** The reason shown in place of a bio its admins hid after a report (the bio is then empty). */
  bioHidden: string | null;
  /** Activity in each TAG where the person contributed or holds a seat, under that TAG's rule. */
  activity: ProfileTagActivity[];
  /** Roster history: seats held or awaiting approval, newest first. */
  seats: Awaited<ReturnType<typeof listPersonSeats>>;
}

/** The profile fields anyone may see (the country only where its owner shows it); `/me` adds its own. */
const profileSelect = {
  login: true,
  name: true,
  avatarUrl: true,
  region: true,
  country: true,
  countryPublic: true,
  employer: true,
  skills: true,
  interests: true,
  bio: true,
} as const;

/**
 * A person's public profile (docs/architecture.md, "People and identity": login, name, avatar, region, employer, skills,
 * contributions; plus the interests and bio they wrote to be read). Never email, timezone or
 * hours. Logins match ignoring case, as on GitHub; when two rows share a login (GitHub frees
 * renamed logins, identity is the numeric id) the most recently updated one is shown.
 */
export async function findPublicProfile(login: string): Promise<PublicProfile | null> {
  // The shape check also keeps LIKE wildcards out of the case-insensitive match.
  if (!GITHUB_LOGIN_RE.test(login)) return null;
  const user = await db.user.findFirst({
    where: { login: { equals: login, mode: "insensitive" }, deletedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, ...profileSelect },
  });
  if (!user) return null;
  const at = await now();
  const [contributed, seats] = await Promise.all([tagsWithActivity(user.id, at), listPersonSeats(user.id)]);
  const sitting = seats.filter((s) => s.status === "active" || s.status === "on_leave").map((s) => s.tagId);
  const tags = await db.tag.findMany({
    where: { id: { in: [...new Set([...contributed, ...sitting])] } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, activityMinRecords: true, activityWindowMonths: true },
  });
  const found = await activityByTag(
    tags.map((tag) => ({ tag, userIds: [user.id] })),
    at,
  );
  const activity = tags.map((t) => {
    const a = found.get(activityKey(user.id, t.id))!;
    return {
      tag: { slug: t.slug, name: t.name },
      days: a.days,
      lastAt: a.lastAt,
      status: a.status,
      rule: activityRuleText(t),
    };
  });
  const { id: _id, countryPublic, country, ...rest } = user;
  const shown = { ...rest, country: countryPublic ? country : null };
  const bioHidden = (await hiddenTexts("bio", [user.id])).get(user.id) ?? null;
  return { ...shown, bio: bioHidden === null ? shown.bio : "", bioHidden, activity, seats };
}

/** Everything `/me` shows its owner (still never the email), or null if the account is gone. */
export function getOwnProfile(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      ...profileSelect,
      timezone: true,
      languages: true,
      hoursPerMonth: true,
      employers: {
        orderBy: [{ from: "desc" }, { id: "asc" }],
        select: { id: true, employer: true, from: true, to: true },
      },
    },
  });
}
export type OwnProfile = NonNullable<Awaited<ReturnType<typeof getOwnProfile>>>;
