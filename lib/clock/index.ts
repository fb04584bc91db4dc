import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { cacheStamp, stampState } from "@/lib/cache/stamps";

/**
 * The only source of "now" for domain logic. Real time plus an offset kept in the database, so
 * the web process and the worker agree when the demo or a test moves time forward.
 * Read once per request or job and pass the Date down; pure logic takes `now` as an argument.
 */
export async function now(): Promise<Date> {
  return new Date(Date.now() + (await offsetMs()));
}

/**
 * The offset, read once per server render: the layout, the header, the permission read and the
 * page all ask for the time (docs/decisions/018-render-speed.md). Outside a render (actions,
 * route handlers, jobs, tests) `cache` keeps nothing.
 */
const offsetMs = cache(keptOffset);

/**
 * A web process that hears every replica's changes keeps the offset under the `clock` cache
 * stamp: only the demo's clock route moves it, and that announces the change (lib/cache). So a
 * request reads no clock row at all, which was one statement in every API call and every render.
 * Elsewhere (tests, scripts, the worker) every call reads the row, since their writes are not
 * announced.
 */
let kept: { stamp: string; offset: number; readAt: number } | null = null;

/**
 * A notice can be lost (a NOTIFY that failed, a database restored under running processes), so
 * the kept offset is read again after a minute whatever the stamp says.
 */
const KEPT_MS = 60_000;

async function keptOffset(): Promise<number> {
  const stamp = stampState().mode === "connected" ? cacheStamp("clock") : null;
  if (stamp !== null && kept?.stamp === stamp && Date.now() - kept.readAt < KEPT_MS) return kept.offset;
  // The stamp is taken before the read: a move during it leaves `kept` under the old stamp.
  const readAt = Date.now();
  const row = await db.clockState.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  const offset = Number(row?.offsetMs ?? 0n);
  if (stamp !== null) kept = { stamp, offset, readAt };
  return offset;
}

/** Moves the clock forward by `ms` (never backwards: sweeps and audit times must not regress). */
export async function advanceClock(ms: number): Promise<Date> {
  if (!Number.isFinite(ms) || ms < 0) throw new Error("the clock only moves forward");
  const row = await db.clockState.upsert({
    where: { id: 1 },
    create: { id: 1, offsetMs: BigInt(Math.round(ms)) },
    update: { offsetMs: { increment: BigInt(Math.round(ms)) } },
    select: { offsetMs: true },
  });
  return new Date(Date.now() + Number(row.offsetMs));
}
