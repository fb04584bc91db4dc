// Not server-only, relative imports: the tags.yaml export (a tsx script) reads liaisons too.
import type { Tx } from "../db.ts";

/**
 * Each TAG's TOC liaisons as people: a liaison is kept by GitHub id, so a renamed login shows as
 * the person's current one; an entry GitHub did not resolve (id 0) keeps its login as written.
 */
export async function tocLiaisonsOf(
  client: Pick<Tx, "user">,
  tags: readonly { tocLiaisons: string[]; tocLiaisonIds: bigint[] }[],
): Promise<{ login: string; name: string | null }[][]> {
  const ids = [...new Set(tags.flatMap((t) => t.tocLiaisonIds.filter((id) => id > 0n)))];
  const logins = [...new Set(tags.flatMap((t) => t.tocLiaisons.map((l) => l.toLowerCase())))];
  if (ids.length === 0 && logins.length === 0) return tags.map(() => []);
  const users = await client.user.findMany({
    where: { OR: [{ githubId: { in: ids } }, { login: { in: logins, mode: "insensitive" } }] },
    select: { githubId: true, login: true, name: true },
  });
  const byId = new Map(users.map((u) => [u.githubId, u]));
  const byLogin = new Map(users.map((u) => [u.login.toLowerCase(), u]));
  return tags.map((t) =>
    t.tocLiaisons.map((login, i) => {
      const id = t.tocLiaisonIds[i] ?? 0n;
      const known = id > 0n ? byId.get(id) : undefined;
      return known
        ? { login: known.login, name: known.name }
        : { login, name: byLogin.get(login.toLowerCase())?.name ?? null };
    }),
  );
}
