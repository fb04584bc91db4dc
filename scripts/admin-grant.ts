/**
 * `npm run admin:grant -- <github-login>`: makes the first admin of a real deployment.
 * The login is resolved to GitHub's numeric id through GET /users/{login} at GITHUB_API_URL
 * (identity is the id; logins can be renamed and reused). The person need not have signed in yet.
 */
import { z } from "zod";
import { createPrismaClient } from "../lib/prisma-client.ts";
import { recordAudit } from "../lib/audit/record.ts";
import { openDatabase } from "./db/database.ts";

const login = process.argv[2];
if (!login || !/^[A-Za-z0-9-]{1,39}$/.test(login)) {
  console.error("usage: npm run admin:grant -- <github-login>");
  process.exit(2);
}
const api = (process.env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, "");
const headers: Record<string, string> = { Accept: "application/vnd.github+json", "User-Agent": "tag-portal" };
if (process.env.GITHUB_API_TOKEN) headers.Authorization = `Bearer ${process.env.GITHUB_API_TOKEN}`;

const res = await fetch(`${api}/users/${encodeURIComponent(login)}`, { headers }).catch((e: Error) => {
  console.error(`Could not reach ${api}: ${e.message}`);
  process.exit(1);
});
if (res.status === 404) {
  console.error(`GitHub has no user named ${login}. Nothing changed.`);
  process.exit(1);
}
if (!res.ok) {
  console.error(`GitHub answered ${res.status} for ${login}. Nothing changed.`);
  process.exit(1);
}
const gh = z
  .object({
    id: z.number().int(),
    login: z.string(),
    name: z.string().nullable().optional(),
    avatar_url: z.string().nullable().optional(),
  })
  .parse(await res.json());

const database = await openDatabase();
const db = createPrismaClient(database.url);
try {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { githubId: BigInt(gh.id) },
      select: { id: true, isAdmin: true },
    });
    const user = await tx.user.upsert({
      where: { githubId: BigInt(gh.id) },
      create: {
        githubId: BigInt(gh.id),
        login: gh.login,
        name: gh.name ?? gh.login,
        avatarUrl: gh.avatar_url ?? null,
        isAdmin: true,
      },
      update: { isAdmin: true, login: gh.login },
      select: { id: true },
    });
    await recordAudit(tx, {
      at: new Date(),
      actorId: null,
      action: "admin.grant",
      subjectType: "User",
      subjectId: user.id,
      before: { isAdmin: before?.isAdmin ?? false },
      after: { isAdmin: true, via: "npm run admin:grant" },
    });
  });
  console.log(`@${gh.login} (GitHub id ${gh.id}) is now an admin.`);
} finally {
  await db.$disconnect();
  await database.cluster?.stop();
}
