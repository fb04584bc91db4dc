// Not server-only, relative imports: `npm run secrets:rotate` (a tsx script) runs it, as do the tests.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { seal, unseal } from "./seal.ts";

export class RotationError extends Error {}

/**
 * Re-seals every secret the database keeps (TAGs' Slack webhook URLs) from `oldKey` to `newKey`, in
 * one transaction: all or nothing. A value the new key already opens is left as it is, so running
 * the command again after it succeeded changes nothing; a value neither key opens stops the run,
 * naming its TAG, with nothing changed.
 */
export async function rotateSecrets(db: PrismaClient, oldKey: Buffer, newKey: Buffer) {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.tagSlack.findMany({
        select: { tagId: true, webhookCiphertext: true, tag: { select: { slug: true } } },
        orderBy: { tagId: "asc" },
      });
      let resealed = 0;
      for (const r of rows) {
        if (opens(r.webhookCiphertext, newKey)) continue;
        let plain: string;
        try {
          plain = unseal(r.webhookCiphertext, oldKey);
        } catch {
          throw new RotationError(
            `The Slack webhook URL of ${r.tag.slug} opens with neither key: nothing was changed. Is OLD_PORTAL_ENCRYPTION_KEY the key the portal runs with now?`,
          );
        }
        await tx.tagSlack.update({ where: { tagId: r.tagId }, data: { webhookCiphertext: seal(plain, newKey) } });
        resealed++;
      }
      return { resealed, already: rows.length - resealed };
    },
    // Every row in one transaction: a large installation must not hit the 5 s default.
    { timeout: 120_000 },
  );
}

function opens(sealed: string, key: Buffer): boolean {
  try {
    unseal(sealed, key);
    return true;
  } catch {
    return false;
  }
}
