import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { githubLookupApi } from "@/lib/github-access/tokens";
import { githubLoginResolver } from "@/lib/auth/github-logins";

/**
 * The person a lead names by GitHub login, for an appointment, a leave's cover, an initiative's
 * sponsor or a TOC liaison. People are stored by their portal id (one per GitHub id); the login
 * only finds them. When several accounts here have used the login (GitHub frees renamed logins),
 * GitHub says whose id holds it now; nothing is guessed. `field` names the form field in errors.
 */
export async function findPersonByLogin(login: string, field: string) {
  const select = { id: true, login: true, githubId: true, region: true, employer: true } as const;
  const found = await db.user.findMany({
    where: { login: { equals: login.trim(), mode: "insensitive" } },
    select,
    take: 10,
  });
  if (found.length === 1) return found[0]!;
  if (found.length === 0)
    throw new AppError("NOT_FOUND", `Nobody with the GitHub login ${login} has a TAG Portal account yet.`, {
      [field]: ["No such person here yet"],
    });
  const resolve = githubLoginResolver(await githubLookupApi());
  const answer = (await resolve([login])).get(login.trim().toLowerCase());
  const person = answer && "githubId" in answer ? found.find((u) => String(u.githubId) === answer.githubId) : undefined;
  if (!person)
    throw new AppError(
      "CONFLICT",
      `Several accounts here have used the login ${login} and GitHub could not say which holds it now.`,
      { [field]: ["Ask the person to sign in once, then try again"] },
    );
  return person;
}
