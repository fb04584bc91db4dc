import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { loadActor } from "@/lib/auth/actor";
import { createStandIn } from "@/dev/github-stand-in/server";
import { createUser } from "@/tests/factories";
import { importAmbassadors } from "./mutations";
import { ImportAmbassadorsSchema } from "./schemas";

// Port 0: the OS picks a free port (a random one can collide with outgoing connections).
const standIn = createStandIn({ port: 0, clientId: "c", clientSecret: "s" });
beforeAll(async () => {
  await standIn.listen();
  vi.stubEnv("GITHUB_API_URL", `${standIn.url()}/api`);
  resetEnvForTests();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  await standIn.close();
});

describe("importing CNCF Ambassadors from a list of GitHub logins", () => {
  it("resolves logins to numeric ids, verifies known and new people, and reports unknown logins", async () => {
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    const input = ImportAmbassadorsSchema.parse({ logins: "@bea-ambassador, Milo-Member\nno-such-person-here" });
    const r = await importAmbassadors(admin, input);
    expect(r.verified.sort()).toEqual(["bea-ambassador", "milo-member"]);
    expect(r.unresolved).toEqual(["no-such-person-here"]);
    const milo = await db.user.findUniqueOrThrow({ where: { githubId: 910006n } });
    expect(milo).toMatchObject({ login: "milo-member", isCncfAmbassador: true, claimedAt: null });
    expect(await db.auditEvent.count({ where: { action: "ambassador.verify", actorId: admin!.id } })).toBe(2);
  });

  it("is refused to anyone but an admin", async () => {
    const member = await loadActor((await createUser()).id);
    await expect(importAmbassadors(member, { logins: ["bea-ambassador"] })).rejects.toThrow(/permission/);
  });
});
