import { z } from "zod";
import { env } from "@/lib/env";
import { SLACK_EVENT_KINDS } from "./events";

/** Whether `url` is an address under SLACK_WEBHOOK_BASE_URL (the only place webhooks may point). */
export function isUnderSlackBase(url: string, base = env().SLACK_WEBHOOK_BASE_URL): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Compared after parsing, so `https://hooks.slack.com.evil.example/` or a user-info trick cannot pass.
  const b = new URL(base);
  return (
    u.origin === b.origin &&
    u.username === "" &&
    u.password === "" &&
    u.pathname.startsWith(b.pathname) &&
    u.pathname.length > b.pathname.length
  );
}

const webhookUrl = z
  .string()
  .trim()
  .max(500, "A Slack webhook URL is shorter than 500 characters")
  .refine((v) => isUnderSlackBase(v), {
    error: () =>
      `Slack webhook URLs start with ${env().SLACK_WEBHOOK_BASE_URL}: copy it from the Slack app's Incoming Webhooks page`,
  });

/** A checkbox group: one checked box arrives as a string, several as a list, none as nothing. */
const events = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : typeof v === "string" ? [v] : v),
  z.array(z.enum(SLACK_EVENT_KINDS)).max(SLACK_EVENT_KINDS.length),
);

/** The lead console's Slack form: a blank URL keeps the one stored (it is never shown back). */
export const SlackSettingsSchema = z.strictObject({
  tagId: z.uuid(),
  webhookUrl: z.preprocess((v) => (v === "" ? undefined : v), webhookUrl.optional()),
  events,
});
export type SlackSettingsInput = z.infer<typeof SlackSettingsSchema>;

export const SlackTagSchema = z.strictObject({ tagId: z.uuid() });
export const SlackDeliverySchema = z.strictObject({ deliveryId: z.uuid() });
