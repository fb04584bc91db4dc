import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Secrets kept in the database (a TAG's Slack webhook URL) are sealed with AES-256-GCM under
 * PORTAL_ENCRYPTION_KEY (docs/decisions/015): a database dump alone does not reveal them, and a
 * tampered value fails to open. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url parts), so a
 * later key or cipher can be told apart.
 */
const VERSION = "v1";

function key(): Buffer {
  const k = env().PORTAL_ENCRYPTION_KEY;
  if (!k)
    throw new AppError(
      "CONFLICT",
      "PORTAL_ENCRYPTION_KEY is not set: the portal cannot keep secrets such as Slack webhook URLs.",
    );
  return Buffer.from(k, "base64");
}

/** Whether secrets can be sealed and opened (the key is configured). */
export function secretsEnabled(): boolean {
  return Boolean(env().PORTAL_ENCRYPTION_KEY);
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Opens a sealed secret; throws when it was sealed under another key or altered. */
export function openSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
