"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { KIND_LABEL, SELF_REPORT_KINDS } from "@/lib/contributions/schemas";

/** Any signed-in person reports a talk, blog post, ... for a TAG. */
export function SelfReportForm({
  action,
  tags,
  today,
}: {
  action: ServerAction;
  tags: { slug: string; name: string }[];
  today: string;
}) {
  return (
    <ActionForm
      action={action}
      label="Report a contribution"
      noValidate
      columns={2}
      fields={[
        { name: "tagSlug", label: "TAG", options: tags.map((t) => [t.slug, t.name] as const) },
        { name: "kind", label: "Kind", options: SELF_REPORT_KINDS.map((k) => [k, KIND_LABEL[k] ?? k] as const) },
        { name: "title", label: "Title", required: true },
        {
          name: "link",
          label: "Link (optional)",
          type: "url",
          hint: "An http:// or https:// link to the slides, recording or post.",
        },
        { name: "occurredAt", label: "Date", type: "date", defaultValue: today, required: true },
      ]}
      submit="Report contribution"
    />
  );
}

/** A lead verifies or rejects one pending self-report. */
export function VerifyForm({ action, recordId, title }: { action: ServerAction; recordId: string; title: string }) {
  return (
    <ActionForm
      action={action}
      label={`Verify or reject "${title}"`}
      inline
      compact
      noValidate
      hidden={{ recordId }}
      fields={[{ name: "reason", label: "Reason (when rejecting)" }]}
      submit="Verify"
      choices={[
        { name: "decision", value: "verify", label: "Verify" },
        { name: "decision", value: "reject", label: "Reject", variant: "danger" },
      ]}
    />
  );
}
