import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listTagChoices } from "@/lib/help-wanted/review";
import { createItemAction } from "./actions";
import { ItemForm } from "@/components/help-wanted/item-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Post a help-wanted item" };

export default async function NewItemPage() {
  await requireUser("/help-wanted/new");
  const [actor, tags] = await Promise.all([getActor(), listTagChoices()]);
  const postable = tags.filter((t) => can(actor, "help-wanted.create", t.id)).map(({ slug, name }) => ({ slug, name }));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/help-wanted" className="text-brand-700 underline">
            Help wanted
          </Link>
        </p>
        <Breadcrumbs trail={[{ href: "/help-wanted", label: "Help wanted" }]} current="Post an item" />
        <h1 className="text-3xl font-bold text-brand-800">Post a help-wanted item</h1>
      </header>
      {postable.length === 0 ? (
        <div className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <h2 className="text-lg font-semibold text-slate-900">Only TAG chairs and tech leads post items</h2>
          <p className="mt-2 text-slate-700">
            You do not lead a TAG, so you cannot post here. You can volunteer for any open item on the{" "}
            <Link href="/help-wanted" className="text-brand-700 underline">
              board
            </Link>
            , or ask a TAG&apos;s leads to post the work you have in mind.
          </p>
        </div>
      ) : (
        <ItemForm
          action={createItemAction}
          tags={postable}
          submit="Post item"
          initial={{ tags: postable.length === 1 ? [postable[0]!.slug] : [] }}
        />
      )}
    </div>
  );
}
