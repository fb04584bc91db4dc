/**
 * `npm run secrets:rotate`: re-seals every secret the database keeps (TAGs' Slack webhook URLs)
 * from OLD_PORTAL_ENCRYPTION_KEY to PORTAL_ENCRYPTION_KEY, in one transaction: all or nothing
 * (docs/operations.md, "Rotating secrets"). A value the old key cannot open stops the run.
 */
import { keyFrom, seal, unseal } from "../lib/crypto/seal.ts";
import { createPrismaClient } from "../lib/prisma-client.ts";
import { openDatabase } from "./db/database.ts";

const oldB64 = process.env.OLD_PORTAL_ENCRYPTION_KEY;
const newB64 = process.env.PORTAL_ENCRYPTION_KEY;
if (!oldB64 || !newB64 || oldB64 === newB64) {
  console.error("Set OLD_PORTAL_ENCRYPTION_KEY (the current key) and PORTAL_ENCRYPTION_KEY (the new one).");
  process.exit(2);
}
const [oldKey, newKey] = [keyFrom(oldB64), keyFrom(newB64)];

const database = await openDatabase();
const db = createPrismaClient(database.url);
try {
  const n = await db.$transaction(async (tx) => {
    const rows = await tx.tagSlack.findMany({ select: { tagId: true, webhookCiphertext: true } });
    for (const r of rows)
      await tx.tagSlack.update({
        where: { tagId: r.tagId },
        data: { webhookCiphertext: seal(unseal(r.webhookCiphertext, oldKey), newKey) },
      });
    return rows.length;
  });
  console.log(`Re-sealed ${n} Slack webhook URL${n === 1 ? "" : "s"} under the new key.`);
} finally {
  await db.$disconnect();
  await database.cluster?.stop();
}
