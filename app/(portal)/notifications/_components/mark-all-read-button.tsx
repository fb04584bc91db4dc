"use client";

import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { markNotificationsReadAction } from "../actions";

export function MarkAllReadButton() {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState("");
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        disabled={pending || !hydrated}
        onClick={() =>
          start(async () => {
            const r = await markNotificationsReadAction({ ids: "all" });
            setMessage(r.ok ? `Marked ${r.data.count} as read.` : r.message);
          })
        }
        className="rounded-md bg-white px-3 py-1.5 font-medium text-brand-800 ring-1 ring-brand-600 hover:bg-brand-50 disabled:opacity-60"
      >
        Mark all as read
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {message}
      </span>
    </>
  );
}
