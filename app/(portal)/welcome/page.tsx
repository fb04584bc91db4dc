import type { Metadata } from "next";
import Link from "next/link";
import { ProfileForm } from "@/components/people/profile-form";
import { ActionForm } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/session";
import { formValuesFromProfile } from "@/lib/people/form-data";
import { getProfileStep } from "@/lib/people/profile-step";
import { notFound } from "next/navigation";
import { saveProfileStepAction, skipProfileStepAction } from "./actions";

export const metadata: Metadata = { title: "Welcome" };

/** First sign-in (issue 18, point 4): five questions that let TAGs suggest fitting work; skippable. */
export default async function WelcomePage() {
  const user = await requireUser("/welcome");
  const step = await getProfileStep(user.id);
  if (!step) notFound();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">Welcome to TAG Portal</h1>
        <p className="max-w-3xl text-slate-700">
          Tell TAGs where you are, when you can help and what you know: the portal then suggests help-wanted work that
          fits you. Everything here can be changed later on{" "}
          <Link href="/me" className="text-brand-700 underline">
            your profile
          </Link>
          .
        </p>
      </header>
      <ProfileForm
        saved={formValuesFromProfile(step)}
        timeZones={Intl.supportedValuesOf("timeZone")}
        action={saveProfileStepAction}
        step
        submit="Save and see matching work"
      />
      <ActionForm
        action={skipProfileStepAction}
        submit="Skip for now"
        variant="secondary"
        label="Skip the profile step"
      />
    </div>
  );
}
