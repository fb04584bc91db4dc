import type { Metadata } from "next";
import { Forbidden } from "@/components/forbidden";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { TagsImportForm } from "./_components/tags-import-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Import tags.yaml" };

export default async function TagsImportPage() {
  await requireUser("/admin/tags-import");
  const actor = await getActor();
  if (!can(actor, "tag.manage")) return <Forbidden what="the tags.yaml import" />;
  return (
    <div className="max-w-3xl space-y-6">
      <Breadcrumbs trail={[{ href: "/admin", label: "Admin" }]} current="Import tags.yaml" />
      <h1 className="text-2xl font-semibold text-slate-900">Import tags.yaml</h1>
      <p className="text-slate-700">
        Creates or updates TAGs, subprojects, chairs, tech leads, subproject leads, TOC liaisons and terms from the
        TOC&apos;s tags.yaml. Logins are resolved to GitHub ids; people new to the portal become placeholders that their
        first sign-in claims. TOC subprojects are listed but not imported. Export with <code>npm run tags:export</code>.
      </p>
      <TagsImportForm />
    </div>
  );
}
