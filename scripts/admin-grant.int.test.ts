import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createStandIn } from "@/dev/github-stand-in/server";

// Port 0: the OS picks a free port (a fixed or random one can collide with parallel test files).
const standIn = createStandIn({ port: 0, clientId: "c", clientSecret: "s" });
beforeAll(() => standIn.listen());
afterAll(() => standIn.close());

// Asynchronous: the stand-in answers from this same process while the script runs.
const grant = (login: string) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.resolve("scripts/admin-grant.ts"), login],
      { encoding: "utf8", env: { ...process.env, GITHUB_API_URL: `${standIn.url()}/api` } },
      (err, stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe("npm run admin:grant", () => {
  it("resolves the login to GitHub's numeric id, makes that person an admin and audits it", async () => {
    const r = await grant("toby-toc");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("@toby-toc (GitHub id 910002) is now an admin.");
    const user = await db.user.findUniqueOrThrow({ where: { githubId: 910002n } });
    expect(user.isAdmin).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "admin.grant", subjectId: user.id } })).toBe(1);
  });

  it("refuses an unknown login and changes nothing", async () => {
    const before = await db.user.count();
    const r = await grant("no-such-person");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("GitHub has no user named no-such-person");
    expect(await db.user.count()).toBe(before);
  });
});
