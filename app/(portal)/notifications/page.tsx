import type { Metadata } from "next";
import { RelativeTime } from "@/components/ui/relative-time";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notify/queries";
import { parseId } from "@/lib/vocabulary";
import { MarkAllReadButton } from "./_components/mark-all-read-button";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string; unread?: string }>;
}) {
  const params = await searchParams;
  const user = await requireUser("/notifications");
  const unreadOnly = params.unread === "1";
  const cursor = parseId(params.cursor) ?? undefined;
  const { items, nextCursor } = await listNotifications(user.id, { cursor, unreadOnly });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Notifications</h1>
        <div className="flex items-center gap-3 text-sm">
          <Link href={unreadOnly ? "/notifications" : "/notifications?unread=1"} className="text-brand-700 underline">
            {unreadOnly ? "Show all" : "Show unread only"}
          </Link>
          {items.some((n) => !n.readAt) && <MarkAllReadButton />}
        </div>
      </div>
      {items.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          {unreadOnly
            ? "No unread notifications."
            : "No notifications yet. When a TAG lead answers you or something you follow changes, it shows up here."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl bg-white ring-1 ring-slate-200" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id} className="flex gap-3 p-4">
              <span
                className={`mt-2 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`}
                aria-hidden="true"
              />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {!n.readAt && <span className="sr-only">Unread: </span>}
                  {n.link ? (
                    <Link href={n.link} className="hover:underline">
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </p>
                {n.body && <p className="mt-1 text-slate-700">{n.body}</p>}
                <p className="mt-1 text-sm text-slate-600">
                  <RelativeTime at={n.createdAt} />
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextCursor && (
        <nav aria-label="Pagination">
          <Link
            href={`/notifications?cursor=${nextCursor}${unreadOnly ? "&unread=1" : ""}`}
            className="text-brand-700 underline"
          >
            Older notifications
          </Link>
        </nav>
      )}
    </div>
  );
}
