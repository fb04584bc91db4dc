"use client";

import { useState, useTransition } from "react";
import { decideLeadershipChangeAction } from "../actions";

export function DecideButtons({ assignmentId, label }: { assignmentId: string; label: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState("");
  const [done, setDone] = useState(false);
  const decide = (decision: "approve" | "reject") =>
    start(async () => {
      const r = await decideLeadershipChangeAction({ assignmentId, decision });
      setMessage(r.ok ? `${decision === "approve" ? "Approved" : "Rejected"}: ${label}.` : r.message);
      if (r.ok) setDone(true);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!done && (
        <>
          <button
            type="button"
            disabled={pending}
            onClick={() => decide("approve")}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            aria-label={`Approve ${label}`}
          >
            Approve
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => decide("reject")}
            className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-red-800 ring-1 ring-red-300 hover:bg-red-50 disabled:opacity-60"
            aria-label={`Reject ${label}`}
          >
            Reject
          </button>
        </>
      )}
      <span role="status" aria-live="polite" className="text-sm text-slate-700">
        {message}
      </span>
    </div>
  );
}
