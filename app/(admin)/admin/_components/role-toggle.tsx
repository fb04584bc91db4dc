"use client";

import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { setAmbassadorAction, setGlobalRoleAction } from "../actions";

const LABEL = { toc: "TOC member", admin: "admin", ambassador: "CNCF Ambassador" } as const;

/** One role of one person: a button that grants or revokes it (revoking asks first). */
export function RoleToggle({
  userId,
  login,
  role,
  held,
}: {
  userId: string;
  login: string;
  role: keyof typeof LABEL;
  held: boolean;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState("");
  const hydrated = useHydrated();
  const label = `${held ? "Revoke" : "Grant"} ${LABEL[role]} for @${login}`;
  const run = () => {
    if (held && !window.confirm(`Revoke ${LABEL[role]} from @${login}?`)) return;
    start(async () => {
      const r =
        role === "ambassador"
          ? await setAmbassadorAction({ userId, verified: !held })
          : await setGlobalRoleAction({ userId, role, grant: !held });
      setMessage(r.ok ? "Done." : r.message);
    });
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={run}
        disabled={pending || !hydrated}
        className={`rounded px-2 py-1 text-xs font-medium ring-1 disabled:opacity-60 ${held ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300"}`}
      >
        {/* The name says what a press does and contains the visible answer (WCAG 2.5.3, label in name). */}
        <span className="sr-only">{label}: </span>
        {held ? "Yes" : "No"}
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-700">
        {message}
      </span>
    </span>
  );
}
