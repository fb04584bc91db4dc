import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { openSecret } from "@/lib/secrets";
import { SlackSettingsSchema } from "@/lib/slack/schemas";
import { saveSlackSettings } from "@/lib/slack/settings";
import { tagWithLead } from "@/tests/fixtures";
import { rotateSecrets } from "./rotate";
import { keyFrom, unseal } from "./seal";

/**
 * `npm run secrets:rotate` (scripts/rotate-encryption-key.ts) run as an operator runs it, against
 * this file's real PostgreSQL database: secrets sealed under the old key are read back with the
 * new key only. The refusal and the second run call its function in-process (a run of the
 * command costs several seconds).
 */
const root = path.resolve(import.meta.dirname, "../..");
const useKey = (key: string) => {
  process.env.PORTAL_ENCRYPTION_KEY = key;
  resetEnvForTests();
};
const stored = async () =>
  Object.fromEntries((await db.tagSlack.findMany()).map((r) => [r.tagId, r.webhookCiphertext] as const));

describe("secrets:rotate on a real database", () => {
  it("re-seals every Slack webhook URL under the new key, all or nothing; a second run changes nothing", async () => {
    const [oldKey, newKey, otherKey] = [0, 1, 2].map(() => randomBytes(32).toString("base64")) as [
      string,
      string,
      string,
    ];
    useKey(oldKey);
    const urls = new Map<string, string>();
    for (const n of [1, 2]) {
      const { tag, leadActor } = await tagWithLead();
      const url = `https://hooks.slack.com/services/T0${n}/B0${n}/${randomBytes(12).toString("hex")}`;
      await saveSlackSettings(leadActor, SlackSettingsSchema.parse({ tagId: tag.id, webhookUrl: url, events: [] }));
      urls.set(tag.id, url);
    }

    // A wrong old key opens nothing: the run stops, naming a TAG, and every row is as it was.
    const before = await stored();
    await expect(rotateSecrets(db, keyFrom(otherKey), keyFrom(newKey))).rejects.toThrow(/opens with neither key/);
    expect(await stored()).toEqual(before);

    const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/rotate-encryption-key.ts"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, OLD_PORTAL_ENCRYPTION_KEY: oldKey, PORTAL_ENCRYPTION_KEY: newKey },
    });
    expect(`${run.stdout}${run.stderr}`).toContain("Re-sealed 2 Slack webhook URLs under the new key.");
    expect(run.status).toBe(0);
    useKey(newKey);
    const after = await stored();
    for (const [tagId, ciphertext] of Object.entries(after)) {
      expect(openSecret(ciphertext)).toBe(urls.get(tagId));
      expect(() => unseal(ciphertext, keyFrom(oldKey))).toThrow();
    }

    // Run again (an operator repeating the command): the URLs already under the new key stay.
    expect(await rotateSecrets(db, keyFrom(oldKey), keyFrom(newKey))).toEqual({ resealed: 0, already: 2 });
    expect(await stored()).toEqual(after);
  });
});
