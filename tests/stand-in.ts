/** The GitHub stand-in for one test file: started before its tests, stopped after them. */
import { afterAll, beforeAll } from "vitest";
import { createStandIn } from "@/dev/github-stand-in/server";
import { githubLoginResolver, type LoginResolver } from "@/lib/auth/github-logins";

/** Call at the top of a test file; what it returns works once the file's tests run. */
export function standInForFile() {
  // Port 0: the OS picks a free port (a random one can collide with outgoing connections).
  const standIn = createStandIn({ port: 0, clientId: "cid", clientSecret: "secret" });
  beforeAll(() => standIn.listen());
  afterAll(() => standIn.close());
  const api = () => `${standIn.url()}/api`;
  return {
    standIn,
    /** The stand-in's address, without the trailing slash. */
    url: () => standIn.url(),
    /** Its GitHub REST API base URL, as `GITHUB_API_URL` would name it. */
    api,
    /** Resolves GitHub logins through the stand-in, as the import scripts do through GitHub. */
    resolve: ((logins) => githubLoginResolver({ apiUrl: api() })(logins)) as LoginResolver,
    /** Drives the stand-in's control API (`/_stand-in/<path>`): events, issues, rate limits. */
    control: (path: string, body: unknown) =>
      fetch(`${standIn.url()}/_stand-in/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (r) => {
        if (!r.ok) throw new Error(await r.text());
        return r.json() as Promise<{ number?: number }>;
      }),
  };
}
