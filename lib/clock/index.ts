import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

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
 * route handlers, jobs, tests) `cache` keeps nothing, so every call reads.
 */
const offsetMs = cache(async (): Promise<number> => {
  const row = await db.clockState.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  return Number(row?.offsetMs ?? 0n);
});

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
