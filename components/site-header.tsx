import Link from "next/link";
import { getActor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { workLinks } from "@/lib/dashboards/work-links";
import { countUnread } from "@/lib/notify/queries";
import { UserMenu } from "./user-menu";

const sections = [
  { href: "/tags", label: "TAGs" },
  { href: "/help-wanted", label: "Help wanted" },
  { href: "/projects", label: "Projects" },
  { href: "/elections", label: "Elections" },
  { href: "/toc", label: "Dashboard" },
];

export async function SiteHeader() {
  const user = await getCurrentUser();
  const actor = user ? await getActor() : null;
  const [unread, work] = actor ? await Promise.all([countUnread(actor.id), workLinks(actor)]) : [0, []];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand-800">
          <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" className="text-brand-600">
            <path
              fill="currentColor"
              d="M12 2 3 7v10l9 5 9-5V7l-9-5Zm0 2.3L18.9 8 12 11.7 5.1 8 12 4.3ZM5 9.7l6 3.3v6.6l-6-3.3V9.7Zm8 9.9V13l6-3.3v6.6l-6 3.3Z"
            />
          </svg>
          TAG Portal
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="rounded px-1 py-1 text-slate-700 hover:text-brand-700 hover:underline">
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto">
          {user ? (
            <UserMenu login={user.login} name={user.name} avatarUrl={user.avatarUrl} unread={unread} work={work} />
          ) : (
            <Link
              href="/sign-in"
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
            >
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
