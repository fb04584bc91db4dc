import type { Metadata } from "next";
import { RelativeTime } from "@/components/ui/relative-time";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { isLocalRequest } from "@/lib/http/local-request";
import { listOutbox } from "@/lib/notify/send";

export const metadata: Metadata = { title: "Outbox (demo)" };

/**
 * Demo only: the mail the portal would have sent to anyone. Answers 404 without DEMO and to
 * requests not made from this machine (lib/http/local-request.ts).
 */
export default async function OutboxPage() {
  if (!env().DEMO || !isLocalRequest(await headers())) notFound();
  const mails = await listOutbox();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Outbox</h1>
      <p className="text-slate-700">
        In the demo no mail leaves this machine. Everything the portal would have sent is here, newest first.
      </p>
      {mails.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">No mail yet.</p>
      ) : (
        <ul className="space-y-3">
          {mails.map((m) => (
            <li key={m.id} className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
              <h2 className="font-semibold text-slate-900">{m.subject}</h2>
              <p className="text-sm text-slate-600">
                To {m.to} · <RelativeTime at={m.createdAt} />
              </p>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-800">{m.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
