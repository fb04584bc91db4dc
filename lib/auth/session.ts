import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authOptions } from "./options";

/** The signed-in person with the global roles read fresh from the database on every request. */
export interface CurrentUser {
  id: string;
  login: string;
  name: string | null;
  avatarUrl: string | null;
  isAdmin: boolean;
  isTocMember: boolean;
  isCncfAmbassador: boolean;
}

/** The signed-in user, or null. Null too when auth is misconfigured: fail closed. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Reading the cookies first marks every page that asks "who is this?" as dynamic, so no
  // signed-out answer is ever baked into a static page at build time.
  await cookies();
  if (!env().AUTH_SECRET) return null;
  let session;
  try {
    session = await getServerSession(authOptions());
  } catch {
    return null;
  }
  const sessionUserId = (session?.user as { id?: string } | undefined)?.id;
  if (!sessionUserId) return null;
  return db.user.findUnique({
    where: { id: sessionUserId },
    select: {
      id: true,
      login: true,
      name: true,
      avatarUrl: true,
      isAdmin: true,
      isTocMember: true,
      isCncfAmbassador: true,
    },
  });
});

/** For pages that need a signed-in user: sends a visitor to sign in and back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
