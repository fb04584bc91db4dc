import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PEER_HEADER, peerHeaderFor } from "@/lib/http/peer-address";
import { recordSignedOutCall, SIGNED_OUT_RECORDS_IN_ALL, SIGNED_OUT_RECORDS_PER_CLIENT } from "./signed-out-calls";

const ACTION_ID = "40064a5bc278fa96c1835e06c4da09c7be3340bc15";
const call = (address: string, actionId: string | null = ACTION_ID) =>
  new Headers({ [PEER_HEADER]: peerHeaderFor(address), ...(actionId ? { "next-action": actionId } : {}) });
const recorded = (from: Date, to: Date) =>
  db.auditEvent.count({ where: { action: "server-action.call", at: { gte: from, lt: to } } });

describe("server actions called while signed out", () => {
  it("are recorded with the action's id, nobody as actor and nothing of what was sent", async () => {
    const at = new Date(Date.UTC(2031, 0, 1, 10, 0, 0));
    expect(await recordSignedOutCall(call("203.0.113.1"), at)).toBe(true);
    const [event] = await db.auditEvent.findMany({ where: { action: "server-action.call", at } });
    expect(event).toMatchObject({
      actorId: null,
      subjectType: "ServerAction",
      subjectId: ACTION_ID,
      outcome: "refused",
      reason: "UNAUTHENTICATED",
      before: null,
      after: null,
    });
    // A header that is not an action id is not written down either.
    await recordSignedOutCall(call("203.0.113.1", `${ACTION_ID}","body":"secret`), new Date(at.getTime() + 1));
    expect(
      (
        await db.auditEvent.findFirstOrThrow({
          where: { action: "server-action.call", at: new Date(at.getTime() + 1) },
        })
      ).subjectId,
    ).toBeNull();
  });

  it("are recorded at most 10 a minute per client and 100 a minute in all", async () => {
    const at = new Date(Date.UTC(2031, 0, 2, 10, 0, 0));
    const minute = new Date(at.getTime() + 60_000);
    for (let i = 0; i < SIGNED_OUT_RECORDS_PER_CLIENT + 5; i++) await recordSignedOutCall(call("198.51.100.9"), at);
    expect(await recorded(at, minute)).toBe(SIGNED_OUT_RECORDS_PER_CLIENT);
    // Another client is not held back by the first.
    expect(await recordSignedOutCall(call("198.51.100.10"), at)).toBe(true);
    // A flood from many addresses stops at the overall cap.
    for (let i = 0; i < SIGNED_OUT_RECORDS_IN_ALL; i++) await recordSignedOutCall(call(`192.0.2.${i}`), at);
    expect(await recorded(at, minute)).toBe(SIGNED_OUT_RECORDS_IN_ALL);
    // The next minute records again.
    expect(await recordSignedOutCall(call("198.51.100.9"), minute)).toBe(true);
  });
});
