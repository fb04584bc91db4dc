import type { Metadata } from "next";
import { Forbidden } from "@/components/forbidden";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { TagForm } from "../../_components/tag-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "New TAG" };

export default async function NewTagPage() {
  await requireUser("/admin/tags/new");
  if (!can(await getActor(), "tag.manage")) return <Forbidden what="the admin console" />;
  return (
    <div className="max-w-2xl space-y-4">
      <Breadcrumbs trail={[{ href: "/admin", label: "Admin" }]} current="New TAG" />
      <h1 className="text-2xl font-semibold text-slate-900">New TAG</h1>
      <TagForm />
    </div>
  );
}
