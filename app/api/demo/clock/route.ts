import { NextResponse } from "next/server";
import { z } from "zod";
import { advanceClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { publishInvalidation } from "@/lib/cache/invalidation";
import { CACHE_TAGS } from "@/lib/cache/stamps";
import { isLocalRequest } from "@/lib/http/local-request";
import { errorResponse, isSameOrigin } from "@/lib/http/responses";
import { waitForJobs } from "@/lib/jobs/queue";
import { enqueueSweeps } from "@/lib/worker/sweeps";

const ClockSchema = z.strictObject({ days: z.number().min(0).max(3650) });

/**
 * Demo only, and only from this machine (lib/http/local-request.ts): moves the portal's clock
 * forward by `days`, runs every sweep job and answers when they have finished, with what each did.
 */
export async function POST(req: Request) {
  const e = env();
  if (!e.DEMO || !isLocalRequest(req.headers)) return errorResponse("NOT_FOUND", "Not found");
  if (!isSameOrigin(req, e.NEXTAUTH_URL)) return errorResponse("FORBIDDEN", "Cross-site request refused");
  const body = await req.json().catch(() => null);
  const parsed = ClockSchema.safeParse(body);
  if (!parsed.success)
    return errorResponse("INVALID", 'Send JSON like {"days": 7}', { issues: z.flattenError(parsed.error) });
  const now = await advanceClock(parsed.data.days * 24 * 60 * 60 * 1000);
  // Web processes keep the clock's offset (lib/clock): they read the new one from here on.
  await publishInvalidation("clock");
  const outcomes = await waitForJobs(await enqueueSweeps());
  // The sweeps may have changed anything the caches hold, on every replica.
  await publishInvalidation(...CACHE_TAGS);
  return NextResponse.json({ now: now.toISOString(), sweeps: outcomes });
}
