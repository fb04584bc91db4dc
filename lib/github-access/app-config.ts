import { createPrivateKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { env, type Env } from "@/lib/env";

/**
 * The GitHub App's configuration (docs/decisions/013-github-app.md), checked once per process.
 * `off`: GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY are unset (token mode, the documented fallback).
 * `invalid`: set but unusable; the message names the variable. The portal keeps running in token
 * mode and shows the message at start-up and on /admin/github, rather than refusing to start.
 */
export type AppConfig =
  | { state: "off" }
  | { state: "invalid"; error: string }
  | { state: "on"; appId: number; privateKey: string; webhookSecret: string | null };

export function appConfigOf(e: Pick<Env, "GITHUB_APP_ID" | "GITHUB_APP_PRIVATE_KEY" | "GITHUB_APP_WEBHOOK_SECRET">) {
  const { GITHUB_APP_ID: id, GITHUB_APP_PRIVATE_KEY: key } = e;
  if (!id && !key) return { state: "off" } as AppConfig;
  const invalid = (error: string): AppConfig => ({ state: "invalid", error });
  if (!id) return invalid("GITHUB_APP_ID is not set, but GITHUB_APP_PRIVATE_KEY is: set the App's numeric id.");
  if (!/^[1-9]\d{0,11}$/.test(id)) return invalid(`GITHUB_APP_ID must be the App's numeric id (got "${id}").`);
  if (!key) return invalid("GITHUB_APP_PRIVATE_KEY is not set: set the App's private key (PEM) or a path to it.");
  let pem = key.replace(/\\n/g, "\n");
  if (!pem.includes("-----BEGIN")) {
    if (!existsSync(key))
      return invalid("GITHUB_APP_PRIVATE_KEY is neither a PEM private key nor the path of a readable file.");
    pem = readFileSync(key, "utf8");
  }
  let pkcs8: string;
  try {
    const k = createPrivateKey(pem);
    if (k.asymmetricKeyType !== "rsa")
      return invalid("GITHUB_APP_PRIVATE_KEY must be an RSA key (GitHub signs App keys with RS256).");
    // GitHub hands out PKCS#1 keys; the JWT signer takes PKCS#8 wherever it is bundled.
    pkcs8 = k.export({ type: "pkcs8", format: "pem" }) as string;
  } catch {
    return invalid("GITHUB_APP_PRIVATE_KEY is not a valid PEM private key.");
  }
  return {
    state: "on",
    appId: Number(id),
    privateKey: pkcs8,
    webhookSecret: e.GITHUB_APP_WEBHOOK_SECRET ?? null,
  } as AppConfig;
}

let cached: AppConfig | undefined;

export function appConfig(): AppConfig {
  return (cached ??= appConfigOf(env()));
}

/** For tests that change the environment. */
export function resetAppConfigForTests(): void {
  cached = undefined;
}

/** What start-up prints about the App (nothing when it is off or usable). */
export function appStartupWarnings(): string[] {
  const c = appConfig();
  return c.state === "invalid" ? [`The GitHub App is disabled: ${c.error} The portal uses token mode meanwhile.`] : [];
}
