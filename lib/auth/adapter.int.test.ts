import { describe, expect, it } from "vitest";
import type { Account, Profile } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { portalAdapter } from "./adapter";
import { authOptions } from "./options";

const adapter = portalAdapter();
const githubUser = (id: number, login: string) =>
  ({
    id: "ignored",
    githubId: id,
    login,
    name: login,
    email: `${login}@example.test`,
    image: null,
    emailVerified: null,
  }) as unknown as AdapterUser;

describe("sign-in identity", () => {
  it("keys people on GitHub's numeric id; a renamed login keeps the same account and roles", async () => {
    const created = await adapter.createUser!(githubUser(424242, "old-login"));
    await db.user.update({ where: { id: created.id }, data: { isAdmin: true } });
    const found = await adapter.getUserByAccount!({ provider: "github", providerAccountId: "424242" });
    expect(found?.id).toBe(created.id);
    // The next sign-in brings the new login; next-auth calls the signIn event with the profile.
    await authOptions().events!.signIn!({
      user: found!,
      account: { provider: "github", providerAccountId: "424242", type: "oauth" } as Account,
      profile: { id: 424242, login: "new-login", name: "New", avatar_url: null, email: null } as unknown as Profile,
    });
    const rows = await db.user.findMany({ where: { githubId: 424242n } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: created.id, login: "new-login", isAdmin: true });
  });

  it("a sign-in through the provider (its mapped profile) refreshes the login and claims a placeholder", async () => {
    const placeholder = await db.user.create({ data: { githubId: 434343n, login: "imported-login", claimedAt: null } });
    await authOptions().events!.signIn!({
      user: { id: placeholder.id } as AdapterUser,
      account: { provider: "github", providerAccountId: "434343", type: "oauth" } as Account,
      profile: {
        id: "434343",
        githubId: 434343,
        login: "current-login",
        name: "Current",
        email: "c@example.test",
        image: "https://example.test/a.png",
      } as unknown as Profile,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: placeholder.id } })).toMatchObject({
      login: "current-login",
      name: "Current",
      avatarUrl: "https://example.test/a.png",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: placeholder.id } })).claimedAt).not.toBeNull();
  });

  it("never matches by email or by a login someone else now holds", async () => {
    await adapter.createUser!(githubUser(515151, "taken-login"));
    expect(await adapter.getUserByEmail!("taken-login@example.test")).toBeNull();
    // A different GitHub account that later takes the freed login is a different person.
    const other = await adapter.createUser!(githubUser(616161, "taken-login"));
    expect((await adapter.getUserByAccount!({ provider: "github", providerAccountId: "515151" }))?.id).not.toBe(
      other.id,
    );
  });

  it("two first sign-ins of the same person at once make one account", async () => {
    const [a, b] = await Promise.all([
      adapter.createUser!(githubUser(717171, "racer")),
      adapter.createUser!(githubUser(717171, "racer")),
    ]);
    expect(a.id).toBe(b.id);
    expect(await db.user.count({ where: { githubId: 717171n } })).toBe(1);
  });
});
