import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { modeFor } from "./preferences";

export interface NotificationInput {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string;
  /** One condition, one notification: a second call with the same key does nothing. */
  dedupeKey?: string;
}

/**
 * Notifies a person as their preference for the kind says (lib/notify/preferences): in the app,
 * by mail at once too ("email", the default), or held for the weekly digest, which shows it in the
 * app and mails it then (lib/notify/digest); "off" creates nothing. Mail goes through SMTP_URL when it is set; in demo mode it lands in the
 * outbox table shown at /outbox; otherwise only the in-app notice exists. Returns false when
 * nothing was created: the kind is off, or the dedupe key was already used.
 */
export async function notify(n: NotificationInput, at: Date): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: n.userId },
    select: { email: true, notificationPrefs: true },
  });
  const mode = modeFor(user?.notificationPrefs, n.kind);
  if (mode === "off") return false;
  const created = await db.notification.createMany({
    data: [
      {
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? "",
        link: n.link ?? null,
        dedupeKey: n.dedupeKey ?? null,
        createdAt: at,
        heldForDigest: mode === "digest",
      },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) return false;
  if (mode === "email" && user?.email) {
    const text = `${n.body ?? ""}${absoluteLink(n.link, "\n\n")}`.trim();
    await sendMail({ to: user.email, subject: n.title, text }, at);
  }
  return true;
}

/** A portal path as a full address for a mail, after `before`; nothing when there is no path. */
export function absoluteLink(path: string | null | undefined, before: string): string {
  return path ? `${before}${env().NEXTAUTH_URL.replace(/\/$/, "")}${path}` : "";
}

let transport: nodemailer.Transporter | undefined;

/** Sends (SMTP_URL) or keeps (demo outbox) one message; a failure is recorded, not thrown. */
export async function sendMail(m: { to: string; subject: string; text: string }, at: Date): Promise<void> {
  const e = env();
  if (!e.SMTP_URL && !e.DEMO) return;
  const row = await db.mailMessage.create({ data: { ...m, createdAt: at }, select: { id: true } });
  if (!e.SMTP_URL) return;
  try {
    transport ??= nodemailer.createTransport(e.SMTP_URL);
    await transport.sendMail({ from: e.MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
    await db.mailMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (err) {
    await db.mailMessage.update({
      where: { id: row.id },
      data: { error: err instanceof Error ? err.message : String(err) },
    });
  }
}

/** The demo outbox, newest first. */
export function listOutbox(limit = 100) {
  return db.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
