/**
 * `npm run secrets:rotate`: re-seals every secret the database keeps (TAGs' Slack webhook URLs)
 * from OLD_PORTAL_ENCRYPTION_KEY to PORTAL_ENCRYPTION_KEY, in one transaction: all or nothing
 * (docs/operations.md, "Rotating secrets"). A value neither key opens stops the run; running it
 * again after it succeeded changes nothing (lib/crypto/rotate.ts).
 */
import { keyFrom } from "../lib/crypto/seal.ts";
import { RotationError, rotateSecrets } from "../lib/crypto/rotate.ts";
import { createPrismaClient } from "../lib/prisma-client.ts";
import { openDatabase } from "./db/database.ts";

const oldB64 = process.env.OLD_PORTAL_ENCRYPTION_KEY;
const newB64 = process.env.PORTAL_ENCRYPTION_KEY;
if (!oldB64 || !newB64 || oldB64 === newB64) {
  console.error("Set OLD_PORTAL_ENCRYPTION_KEY (the current key) and PORTAL_ENCRYPTION_KEY (the new one).");
  process.exit(2);
}
let keys: [Buffer, Buffer];
try {
  keys = [keyFrom(oldB64), keyFrom(newB64)];
} catch {
  console.error(
    "OLD_PORTAL_ENCRYPTION_KEY and PORTAL_ENCRYPTION_KEY are each 32 bytes in base64 (openssl rand -base64 32).",
  );
  process.exit(2);
}

const database = await openDatabase();
const db = createPrismaClient(database.url);
try {
  const { resealed, already } = await rotateSecrets(db, ...keys);
  console.log(
    `Re-sealed ${resealed} Slack webhook URL${resealed === 1 ? "" : "s"} under the new key` +
      (already ? `; ${already} ${already === 1 ? "was" : "were"} already under it.` : "."),
  );
} catch (e) {
  if (!(e instanceof RotationError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.cluster?.stop();
}
