// Not server-only, and no runtime import of the app: the key-rotation script seals with it too.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM sealing of secrets kept in the database (docs/decisions/015): stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url parts), so a later key or cipher can be told apart; an
 * altered value, or one sealed under another key, fails to open rather than opening into garbage.
 */
const VERSION = "v1";

/** The key from its base64 form (PORTAL_ENCRYPTION_KEY); throws unless it is 32 bytes. */
export function keyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("an encryption key is 32 bytes in base64");
  return key;
}

export function seal(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), body].map((p) => p.toString("base64url"))].join(".");
}

export function unseal(sealed: string, key: Buffer): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
