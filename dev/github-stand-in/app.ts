/**
 * The GitHub App side of the stand-in, as GitHub serves it: App JWTs (RS256, signed with the App's
 * private key; verified here against its public key, with `iss` the App id and at most ten minutes
 * of life), `GET /app/installations`, `POST /app/installations/{id}/access_tokens` (an hour-long
 * `ghs_` token), `GET /installation/repositories` (with an installation token). Installation tokens
 * are accepted by the stand-in's other API routes; an unknown or expired `ghs_` token answers 401.
 * Test control: `POST /_stand-in/installations {id, account, repositories}` adds or changes one.
 * The App exists only when the stand-in is started with `app` (the demo and the App's tests).
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";
import type http from "node:http";

export interface StandInInstallation {
  id: number;
  account: string;
  /** `owner/name` */
  repositories: string[];
}

export interface StandInAppOptions {
  id: number;
  /** The App's public key (PEM); the portal holds the private one. */
  publicKey: string;
  installations?: StandInInstallation[];
}

const TOKEN_LIFE_MS = 60 * 60_000;

/** A stand-in module's request handler: answers the request when it is one of the module's; false otherwise. */
export type StandInHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  body: () => Promise<Record<string, unknown>>,
) => Promise<boolean>;

export const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};

export function createStandInApp(opts: StandInAppOptions | undefined) {
  const key: KeyObject | null = opts ? createPublicKey(opts.publicKey) : null;
  const installations = new Map<number, StandInInstallation>((opts?.installations ?? []).map((i) => [i.id, i]));
  const tokens = new Map<string, { installationId: number; expiresAt: number }>();
  const json = sendJson;
  const bearer = (req: http.IncomingMessage) =>
    /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];

  /** Why a JWT is refused, or null when it is the App's. */
  function jwtProblem(jwt: string | undefined): string | null {
    if (!key || !opts) return "This stand-in has no GitHub App.";
    const parts = jwt?.split(".");
    if (parts?.length !== 3) return "A JSON web token could not be decoded";
    const [h, p, s] = parts as [string, string, string];
    try {
      const header = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg?: string };
      if (header.alg !== "RS256") return "'alg' must be RS256";
      if (!verify("sha256", Buffer.from(`${h}.${p}`), key, Buffer.from(s, "base64url")))
        return "A JSON web token could not be decoded";
      const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as {
        iss?: unknown;
        iat?: number;
        exp?: number;
      };
      const now = Math.floor(Date.now() / 1000);
      if (String(claims.iss) !== String(opts.id)) return "'Issuer' claim ('iss') must be the App's id";
      if (typeof claims.exp !== "number" || claims.exp < now) return "'Expiration time' claim ('exp') is in the past";
      if (typeof claims.iat !== "number" || claims.exp - claims.iat > 600)
        return "'Expiration time' claim ('exp') is too far in the future";
      return null;
    } catch {
      return "A JSON web token could not be decoded";
    }
  }

  /** The installation an installation token belongs to; undefined: not one; null: unknown or expired. */
  function installationOf(req: http.IncomingMessage): StandInInstallation | null | undefined {
    const t = bearer(req);
    if (!t?.startsWith("ghs_")) return undefined;
    const known = tokens.get(t);
    if (!known || known.expiresAt < Date.now()) return null;
    return installations.get(known.installationId) ?? null;
  }

  const installationJson = (i: StandInInstallation) => ({
    id: i.id,
    account: { login: i.account, type: "Organization" },
    app_id: opts?.id,
    repository_selection: "selected",
    permissions: { contents: "write", issues: "write", pull_requests: "write", metadata: "read" },
  });

  const handle: StandInHandler = async (req, res, url, body) => {
    const path = url.pathname;
    if (req.method === "POST" && path === "/_stand-in/installations") {
      const b = (await body()) as Partial<StandInInstallation>;
      if (typeof b.id !== "number" || typeof b.account !== "string" || !Array.isArray(b.repositories))
        return (json(res, 400, { error: "id, account and repositories required" }), true);
      installations.set(b.id, { id: b.id, account: b.account, repositories: b.repositories.map(String) });
      return (json(res, 200, { ok: true }), true);
    }
    if (path.startsWith("/api/app/") || path === "/api/app") {
      const problem = jwtProblem(bearer(req));
      if (problem) return (json(res, 401, { message: problem }), true);
      if (req.method === "GET" && path === "/api/app/installations") {
        const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
        const per = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
        const all = [...installations.values()].sort((a, b) => a.id - b.id);
        return (json(res, 200, all.slice((page - 1) * per, page * per).map(installationJson)), true);
      }
      const m = /^\/api\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
      if (req.method === "POST" && m) {
        const i = installations.get(Number(m[1]));
        if (!i) return (json(res, 404, { message: "Not Found" }), true);
        const token = `ghs_${randomBytes(18).toString("hex")}`;
        const expiresAt = Date.now() + TOKEN_LIFE_MS;
        tokens.set(token, { installationId: i.id, expiresAt });
        return (
          json(res, 201, {
            token,
            expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
            permissions: installationJson(i).permissions,
            repository_selection: "selected",
          }),
          true
        );
      }
      return (json(res, 404, { message: "Not Found" }), true);
    }
    const installation = installationOf(req);
    if (installation === null) return (json(res, 401, { message: "Bad credentials" }), true);
    if (req.method === "GET" && path === "/api/installation/repositories") {
      if (!installation) return (json(res, 401, { message: "Requires an installation token" }), true);
      const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
      const per = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
      const repos = installation.repositories.slice((page - 1) * per, page * per).map((full, n) => ({
        id: installation.id * 1000 + n,
        name: full.split("/")[1],
        full_name: full,
        owner: { login: full.split("/")[0] },
        private: false,
      }));
      return (json(res, 200, { total_count: installation.repositories.length, repositories: repos }), true);
    }
    return false;
  };

  return {
    handle,
    /** The installation holding a repository (for webhook payloads), if any. */
    installationFor: (repo: string) =>
      [...installations.values()].find((i) => i.repositories.some((r) => r.toLowerCase() === repo.toLowerCase())),
    get enabled() {
      return Boolean(opts);
    },
  };
}

export type StandInApp = ReturnType<typeof createStandInApp>;
