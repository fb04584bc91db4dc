import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { SignInButton } from "./_components/sign-in-button";

export const metadata: Metadata = { title: "Sign in" };

const errors: Record<string, string> = {
  OAuthCallback: "GitHub sign-in could not be completed. Please try again.",
  OAuthSignin: "Could not start GitHub sign-in. Please try again.",
  Callback: "GitHub sign-in could not be completed. Please try again.",
  AccessDenied: "Access was denied.",
  Configuration:
    "Sign-in is not configured on this server. An administrator must set AUTH_SECRET and the GitHub OAuth variables.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, env().NEXTAUTH_URL);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = params.error ? (errors[params.error] ?? "Sign-in failed. Please try again.") : null;
  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-8 ring-1 ring-slate-200">
      <h1 className="text-2xl font-semibold text-slate-900">Sign in to TAG Portal</h1>
      <p className="mt-2 text-slate-700">
        TAG Portal uses your GitHub account. Your GitHub identity ties your contributions to your profile.
      </p>
      {error && (
        <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      )}
      <div className="mt-6">
        <SignInButton callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
