"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Avatar } from "./ui/avatar";

const MENU = [
  ["/me", "Your profile"],
  ["/my-work", "My work"],
  ["/help-wanted/for-you", "Help wanted for you"],
  ["/contributions", "Contributions"],
  ["/pathways", "Leadership pathways"],
  ["/liaisons", "Liaisons"],
  ["/notifications", "Notifications"],
] as const;

interface Props {
  login: string;
  name: string | null;
  avatarUrl: string | null;
  unread: number;
}

/** Avatar button with the unread count; opens a small menu (Escape or a click outside closes it). */
export function UserMenu({ login, name, avatarUrl, unread }: Props) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [open]);
  const unreadLabel = unread === 1 ? "1 unread notification" : `${unread} unread notifications`;
  return (
    <div ref={ref} className="relative flex items-center gap-3">
      <Link
        href="/notifications"
        className="relative rounded-full p-1 text-slate-700 hover:text-brand-700"
        aria-label={`Notifications, ${unreadLabel}`}
      >
        <svg
          aria-hidden="true"
          width="22"
          height="22"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </Link>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!hydrated}
        onClick={() => setOpen((o) => !o)}
        className="rounded-full"
      >
        <Avatar login={login} src={avatarUrl} size={32} />
        <span className="sr-only">
          Account menu for {name ?? login} (@{login})
        </span>
      </button>
      {open && (
        <ul
          role="menu"
          aria-label="Account"
          className="absolute right-0 top-11 z-20 w-52 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          <li role="none" className="px-3 py-2 text-slate-600">
            Signed in as <strong className="text-slate-900">@{login}</strong>
          </li>
          {MENU.map(([href, text]) => (
            <li key={href} role="none">
              <Link role="menuitem" href={href} className="block px-3 py-2 hover:bg-slate-100">
                {text}
              </Link>
            </li>
          ))}
          <li role="none">
            <button
              role="menuitem"
              type="button"
              onClick={() => signOut({ callbackUrl: "/" })}
              className="block w-full px-3 py-2 text-left hover:bg-slate-100"
            >
              Sign out
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
