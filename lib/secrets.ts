import "server-only";
import { keyFrom, seal, unseal } from "@/lib/crypto/seal";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Secrets kept in the database (a TAG's Slack webhook URL) are sealed under PORTAL_ENCRYPTION_KEY
 * (docs/decisions/015): a database dump alone does not reveal them.
 */
function key(): Buffer {
  const k = env().PORTAL_ENCRYPTION_KEY;
  if (!k)
    throw new AppError(
      "CONFLICT",
      "PORTAL_ENCRYPTION_KEY is not set: the portal cannot keep secrets such as Slack webhook URLs.",
    );
  return keyFrom(k);
}

/** Whether secrets can be sealed and opened (the key is configured). */
export function secretsEnabled(): boolean {
  return Boolean(env().PORTAL_ENCRYPTION_KEY);
}

export const sealSecret = (plain: string): string => seal(plain, key());

/** Opens a sealed secret; throws when it was sealed under another key or altered. */
export const openSecret = (sealed: string): string => unseal(sealed, key());
