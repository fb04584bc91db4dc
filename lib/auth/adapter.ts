import "server-only";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";

/**
 * next-auth's storage for users and database sessions. Identity is GitHub's numeric id (the
 * OAuth account id), kept on the user row; logins and emails are never used to find a person,
 * so a renamed or reused GitHub login cannot take over an account. OAuth tokens are not stored.
 */
type Row = { id: string; login: string; name: string | null; email: string | null; avatarUrl: string | null };

const toAdapterUser = (u: Row): AdapterUser => ({
  id: u.id,
  name: u.name ?? u.login,
  email: u.email ?? "",
  emailVerified: null,
  image: u.avatarUrl,
});

const userSelect = { id: true, login: true, name: true, email: true, avatarUrl: true } as const;

/** Fields our GitHub provider's `profile()` returns besides next-auth's own. */
export interface GitHubProfileFields {
  githubId: number;
  login: string;
}

export function portalAdapter(): Adapter {
  return {
    async createUser(data: AdapterUser) {
      const d = data as AdapterUser & Partial<GitHubProfileFields>;
      if (!d.githubId || !d.login) throw new Error("GitHub profile without id or login");
      const fields = { login: d.login, name: d.name ?? null, email: d.email || null, avatarUrl: d.image ?? null };
      // Upsert: two first sign-ins of the same person at once must not create two rows.
      const user = await db.user.upsert({
        where: { githubId: BigInt(d.githubId) },
        create: { githubId: BigInt(d.githubId), ...fields, createdAt: await now(), claimedAt: await now() },
        update: fields,
        select: userSelect,
      });
      return toAdapterUser(user);
    },
    async getUser(id) {
      const u = await db.user.findUnique({ where: { id }, select: userSelect });
      return u ? toAdapterUser(u) : null;
    },
    // Email is not an identity here: never match (no "dangerous" account linking).
    getUserByEmail: async () => null,
    async getUserByAccount({ provider, providerAccountId }) {
      if (provider !== "github" || !/^\d+$/.test(providerAccountId)) return null;
      const u = await db.user.findUnique({ where: { githubId: BigInt(providerAccountId) }, select: userSelect });
      return u ? toAdapterUser(u) : null;
    },
    async updateUser(data) {
      const u = await db.user.update({
        where: { id: data.id },
        data: { name: data.name ?? undefined, avatarUrl: data.image ?? undefined },
        select: userSelect,
      });
      return toAdapterUser(u);
    },
    // The GitHub id already sits on the user row (createUser); nothing else to link.
    linkAccount: async () => undefined,
    async createSession(s) {
      return db.session.create({ data: s, select: { sessionToken: true, userId: true, expires: true } });
    },
    async getSessionAndUser(sessionToken) {
      const s = await db.session.findUnique({
        where: { sessionToken },
        select: { sessionToken: true, userId: true, expires: true, user: { select: userSelect } },
      });
      if (!s) return null;
      const { user, ...session } = s;
      return { session, user: toAdapterUser(user) };
    },
    async updateSession(s) {
      return db.session.update({
        where: { sessionToken: s.sessionToken },
        data: { expires: s.expires },
        select: { sessionToken: true, userId: true, expires: true },
      });
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken } });
    },
  };
}
