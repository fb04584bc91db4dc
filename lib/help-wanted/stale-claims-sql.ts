import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_STALE_AFTER_DAYS } from "./stale-claims";

/**
 * ./stale-claims.ts's rule as a SQL condition on a claim aliased `c`, for the sweep and the
 * dashboards' counts: accepted, no activity for more than the smallest stale-after days of the
 * item's TAGs. The integration tests check it agrees with `isStaleClaim`.
 */
export function staleClaimSql(now: Date): Prisma.Sql {
  return Prisma.sql`(c."status" = 'accepted' AND c."lastActivityAt" < ${now}::timestamptz - make_interval(days => (
    SELECT COALESCE(MIN(st."staleAfterDays"), ${DEFAULT_STALE_AFTER_DAYS}::int)
      FROM "HelpWantedItemTag" sit JOIN "Tag" st ON st."id" = sit."tagId"
     WHERE sit."itemId" = c."itemId")))`;
}
