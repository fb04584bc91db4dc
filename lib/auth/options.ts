import "server-only";
import type { NextAuthOptions } from "next-auth";
import { z } from "zod";
import GitHubProvider from "next-auth/providers/github";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { portalAdapter } from "./adapter";
import { safeCallbackPath } from "./callback-url";
import { fetchGitHubProfile, githubUrls, GitHubUserSchema } from "./github";

const SESSION_DAYS = 30;

/** What the GitHub provider's `profile()` below returns, as next-auth hands it to events. */
const MappedProfileSchema = z.object({
  githubId: z.number().int().positive(),
  login: z.string().min(1),
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  image: z.string().nullable().optional(),
});

/**
 * next-auth configuration: GitHub OAuth (base URLs from GITHUB_WEB_URL / GITHUB_API_URL),
 * PKCE and state checks, database sessions. See docs/decisions/001-sessions.md.
 */
export function authOptions(): NextAuthOptions {
  const e = env();
  const { web } = githubUrls();
  const secure = new URL(e.NEXTAUTH_URL).protocol === "https:";
  return {
    // Without a secret next-auth refuses every request: protected pages stay closed (fail closed).
    secret: e.AUTH_SECRET,
    adapter: portalAdapter(),
    session: { strategy: "database", maxAge: SESSION_DAYS * 24 * 60 * 60 },
    useSecureCookies: secure,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      GitHubProvider({
        clientId: e.GITHUB_CLIENT_ID ?? "",
        clientSecret: e.GITHUB_CLIENT_SECRET ?? "",
        checks: ["pkce", "state"],
        authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
        token: `${web}/login/oauth/access_token`,
        userinfo: {
          url: `${githubUrls().api}/user`,
          async request({ tokens }) {
            // GitHub answers a bad or reused code with 200 and an `error` field, not an HTTP error.
            if (!tokens.access_token)
              throw new Error(`GitHub issued no access token (${String(tokens.error ?? "no error given")})`);
            const p = await fetchGitHubProfile(tokens.access_token);
            return { ...p, name: p.name ?? undefined, email: p.email ?? undefined };
          },
        },
        profile(raw) {
          const p = GitHubUserSchema.parse(raw);
          return {
            id: String(p.id),
            githubId: p.id,
            login: p.login,
            name: p.name ?? p.login,
            email: p.email ?? null,
            image: p.avatar_url ?? null,
          };
        },
      }),
    ],
    callbacks: {
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).href;
      },
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
    events: {
      // Keep login, name and avatar current; identity stays the numeric id.
      async signIn({ account, profile }) {
        if (account?.provider !== "github" || !profile) return;
        // next-auth 4 passes the provider's `profile()` result here (not GitHub's raw user):
        // read that shape, and the raw one too.
        const mapped = MappedProfileSchema.safeParse(profile);
        const raw = GitHubUserSchema.safeParse(profile);
        const p = mapped.success
          ? {
              login: mapped.data.login,
              name: mapped.data.name ?? null,
              avatar: mapped.data.image ?? null,
              email: mapped.data.email ?? null,
            }
          : raw.success
            ? {
                login: raw.data.login,
                name: raw.data.name ?? null,
                avatar: raw.data.avatar_url ?? null,
                email: raw.data.email ?? null,
              }
            : null;
        if (!p) return;
        await db.user.update({
          where: { githubId: BigInt(account.providerAccountId) },
          data: { login: p.login, name: p.name ?? p.login, avatarUrl: p.avatar, email: p.email },
        });
        // A placeholder made by an import (tags.yaml, voter lists) is claimed by its first sign-in.
        await db.user.updateMany({
          where: { githubId: BigInt(account.providerAccountId), claimedAt: null },
          data: { claimedAt: await now() },
        });
      },
    },
  };
}
