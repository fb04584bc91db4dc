import { actionId, expect, newIdentity, signInAs, standIn, test } from "./fixtures";
import { startPortalProcess } from "./portal-process";

/**
 * docs/security.md, S5 and S6: a portal without AUTH_SECRET stays closed and says why, and session
 * cookies carry the flags that keep them out of scripts, other sites and plain HTTP. Each test
 * starts a portal process of its own (port 0) on the end-to-end database and stand-in.
 */

/** `name=value` pairs of a response's Set-Cookie headers, with their attributes. */
function setCookies(res: Response): { name: string; value: string; attributes: string[] }[] {
  return res.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split(";").map((s) => s.trim());
    const eq = pair!.indexOf("=");
    return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attributes: attributes.map((a) => a.toLowerCase()) };
  });
}

/** Posts a server action as the browser would (same origin), with `cookie`. */
function callAction(base: string, page: string, action: string, args: unknown[], cookie: string) {
  return fetch(`${base}${page}`, {
    method: "POST",
    headers: { "Next-Action": actionId(action), Origin: base, "Content-Type": "text/plain;charset=UTF-8", cookie },
    body: JSON.stringify(args),
  });
}

test("without AUTH_SECRET the start-up says why, nobody can sign in, and a valid session opens nothing", async ({
  page,
  baseURL,
}) => {
  // A real session in the shared database, made on the demo portal (which has a secret).
  const { login } = await newIdentity(page, "nosecret");
  await signInAs(page, login);
  const session = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
  expect(session?.value).toBeTruthy();
  const cookie = `next-auth.session-token=${session!.value}`;

  // Its public address is a name the browser reaches through this test (the port is the OS's choice).
  const publicUrl = "http://no-secret.localhost";
  const portal = await startPortalProcess({
    AUTH_SECRET: undefined,
    NEXTAUTH_SECRET: undefined,
    NEXTAUTH_URL: publicUrl,
  });
  await page.route(`${publicUrl}/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace(publicUrl, portal.url), maxRedirects: 0 });
    await route.fulfill({ response });
  });
  try {
    await expect.poll(portal.output).toMatch(/AUTH_SECRET is not set: nobody can sign in/);

    // Starting a sign-in never reaches GitHub and sets no cookie for the OAuth flow.
    const csrf = await fetch(`${portal.url}/api/auth/csrf`);
    expect(csrf.status).toBeGreaterThanOrEqual(400);
    const start = await fetch(`${portal.url}/api/auth/signin/github`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: "x", callbackUrl: "/", json: "true" }),
    });
    const startText = await start.text();
    expect(start.headers.get("location") ?? "").not.toContain("/login/oauth/authorize");
    expect(startText).not.toContain("/login/oauth/authorize");
    expect(setCookies(start).map((c) => c.name)).toEqual([]);

    // Through the sign-in page, as a person would: the button does not lead to GitHub.
    await page.goto(`${publicUrl}/sign-in`);
    await page.getByRole("button", { name: "Sign in with GitHub" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /not configured/ })).toBeVisible();
    expect(page.url()).toMatch(new RegExp(`^${publicUrl}/sign-in\\?`));

    // A session that is valid on the demo portal opens no protected page here...
    for (const path of ["/notifications", "/me", "/my-work"]) {
      const res = await fetch(`${portal.url}${path}`, { redirect: "manual", headers: { cookie } });
      expect(res.status, path).toBe(307);
      expect(res.headers.get("location"), path).toMatch(/\/sign-in\?callbackUrl=/);
    }
    // ...and no action: the same call answers as to a visitor here, and works on the demo portal.
    const closed = await callAction(
      portal.url,
      "/notifications",
      "markNotificationsReadAction",
      [{ ids: "all" }],
      cookie,
    );
    expect(await closed.text()).toContain("UNAUTHENTICATED");
    const open = await callAction(baseURL!, "/notifications", "markNotificationsReadAction", [{ ids: "all" }], cookie);
    expect(await open.text()).toContain('"ok":true');
  } finally {
    // The page may still be fetching (its favicon, a prefetch): stop forwarding before the portal goes.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await portal.stop();
  }
});

test("session cookies: HttpOnly and SameSite=Lax on http://localhost; also Secure with __Host-/__Secure- names on https", async ({
  page,
}) => {
  // The demo portal (http on loopback): a browser that signed in holds HttpOnly, Lax cookies.
  const { login, id } = await newIdentity(page, "cookies");
  await signInAs(page, login);
  const demo = await page.context().cookies();
  const demoSession = demo.find((c) => c.name === "next-auth.session-token");
  expect(demoSession).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  for (const c of demo.filter((c) => c.name.includes("next-auth")))
    expect({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }).toEqual({
      name: c.name,
      httpOnly: true,
      sameSite: "Lax",
    });

  // A production portal whose public address is https: the whole OAuth flow by hand, every cookie checked.
  const publicUrl = "https://portal.example.test";
  const portal = await startPortalProcess({
    NEXTAUTH_URL: publicUrl,
    AUTH_SECRET: "a-secret-for-this-test-only-0123456789abcdef",
  });
  try {
    const local = (u: string) => u.replace(publicUrl, portal.url);
    const jar = new Map<string, string>();
    const seen: ReturnType<typeof setCookies> = [];
    const keep = (res: Response) => {
      for (const c of setCookies(res)) {
        seen.push(c);
        jar.set(c.name, c.value);
      }
      return res;
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

    const { csrfToken } = (await keep(await fetch(`${portal.url}/api/auth/csrf`)).json()) as { csrfToken: string };
    const start = keep(
      await fetch(`${portal.url}/api/auth/signin/github`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
        body: new URLSearchParams({ csrfToken, callbackUrl: `${publicUrl}/`, json: "true" }),
      }),
    );
    const authorize = new URL(((await start.json()) as { url: string }).url);
    expect(authorize.origin).toBe(new URL(standIn()).origin);
    // The stand-in's identity picker, answered for the new identity.
    const picked = await fetch(`${standIn()}/login/oauth/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), identity: String(id) }),
    });
    const callback = picked.headers.get("location")!;
    expect(callback.startsWith(`${publicUrl}/api/auth/callback/github?`)).toBe(true);
    const done = keep(await fetch(local(callback), { redirect: "manual", headers: { cookie: cookie() } }));
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`${publicUrl}/`);
    const who = (await (await fetch(`${portal.url}/api/auth/session`, { headers: { cookie: cookie() } })).json()) as {
      user?: { name?: string };
    };
    expect(who.user?.name).toBe(`Test cookies ${id}`);

    // Every cookie the flow set: prefixed, Secure, HttpOnly, SameSite=Lax, and the session one among them.
    const names = [...new Set(seen.map((c) => c.name))];
    expect(names).toEqual(
      expect.arrayContaining([
        "__Host-next-auth.csrf-token",
        "__Secure-next-auth.callback-url",
        "__Secure-next-auth.state",
        "__Secure-next-auth.pkce.code_verifier",
        "__Secure-next-auth.session-token",
      ]),
    );
    for (const c of seen) {
      expect(c.name, c.name).toMatch(/^__(Host|Secure)-/);
      expect(c.attributes, c.name).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
      // __Host- cookies are bound to the host: no Domain attribute.
      if (c.name.startsWith("__Host-")) expect(c.attributes.some((a) => a.startsWith("domain="))).toBe(false);
    }
  } finally {
    await portal.stop();
  }
});

test("a GitHub account whose e-mail is private signs in, however GitHub answers for its addresses", async ({
  browser,
}) => {
  for (const emails of ["verified", "unverified", "refused"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { login } = await newIdentity(page, `private-${emails}`, { email: null, emails });
    await signInAs(page, login);
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/me$/);
    await context.close();
  }
});
