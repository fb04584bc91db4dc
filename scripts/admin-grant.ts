/**
 * `npm run admin:grant -- <github-login>`: makes the first admin of a real deployment.
 * The login is resolved to GitHub's numeric id through GET /users/{login} at GITHUB_API_URL
 * (identity is the id; logins can be renamed and reused). The person need not have signed in yet.
 */
import { createPrismaClient } from "../lib/prisma-client.ts";
import { recordAudit } from "../lib/audit/record.ts";
import { githubLoginResolver, NO_SUCH_USER } from "../lib/auth/github-logins.ts";
import { upsertGithubUser } from "../lib/people/github-users.ts";
import { openDatabase } from "./db/database.ts";

const login = process.argv[2];
if (!login || !/^[A-Za-z0-9-]{1,39}$/.test(login)) {
  console.error("usage: npm run admin:grant -- <github-login>");
  process.exit(2);
}
const resolve = githubLoginResolver({
  apiUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
  token: process.env.GITHUB_API_TOKEN,
});
const gh = (await resolve([login])).get(login.toLowerCase())!;
if ("error" in gh) {
  console.error(
    `${gh.error === NO_SUCH_USER ? `GitHub has no user named ${login}` : `Could not resolve ${login}: ${gh.error}`}. Nothing changed.`,
  );
  process.exit(1);
}

const database = await openDatabase();
const db = createPrismaClient(database.url);
try {
  const at = new Date();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { githubId: BigInt(gh.githubId) },
      select: { id: true, isAdmin: true },
    });
    const user = await upsertGithubUser(tx, gh, { isAdmin: true }, at);
    await recordAudit(tx, {
      at,
      actorId: null,
      action: "admin.grant",
      subjectType: "User",
      subjectId: user.id,
      before: { isAdmin: before?.isAdmin ?? false },
      after: { isAdmin: true, via: "npm run admin:grant" },
    });
  });
  console.log(`@${gh.login} (GitHub id ${gh.githubId}) is now an admin.`);
} finally {
  await db.$disconnect();
  await database.cluster?.stop();
}
