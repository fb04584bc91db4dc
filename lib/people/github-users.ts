// Not server-only, relative imports: `npm run admin:grant` (a tsx script) and the admins' ambassador
// import both record people GitHub resolved.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../db.ts";
import type { ResolvedLogin } from "../auth/github-logins.ts";

/**
 * The person GitHub resolved a login to, found by GitHub's numeric id (the identity; logins are
 * renamed and reused) or created for someone who never signed in, with `roles` set either way and
 * the login brought to GitHub's current spelling.
 */
export function upsertGithubUser(
  tx: Tx,
  who: ResolvedLogin,
  roles: Pick<Prisma.UserCreateInput, "isAdmin" | "isCncfAmbassador" | "ambassadorVerifiedAt">,
  at: Date,
) {
  const githubId = BigInt(who.githubId);
  return tx.user.upsert({
    where: { githubId },
    create: {
      githubId,
      login: who.login,
      name: who.name ?? who.login,
      avatarUrl: who.avatarUrl ?? null,
      createdAt: at,
      ...roles,
    },
    update: { login: who.login, ...roles },
    select: { id: true },
  });
}
