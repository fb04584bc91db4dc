import { afterEach, describe, expect, it, vi } from "vitest";
import { assertSafeProductionConfig, env, resetEnvForTests } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  resetEnvForTests();
});

describe("configuration", () => {
  it("refuses a production start that points GitHub at a loopback host without DEMO", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO", "");
    vi.stubEnv("GITHUB_WEB_URL", "http://127.0.0.1:3001");
    resetEnvForTests();
    expect(() => assertSafeProductionConfig()).toThrow(/GITHUB_WEB_URL.*loopback/);
  });

  it("allows the loopback stand-in when DEMO is set", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO", "1");
    vi.stubEnv("GITHUB_API_URL", "http://localhost:3001/api");
    resetEnvForTests();
    expect(() => assertSafeProductionConfig()).not.toThrow();
  });

  it("refuses a production start whose public URL is plain http on a public host, unless ALLOW_INSECURE_HTTP says so", async () => {
    const { register } = await import("@/instrumentation");
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO", "");
    vi.stubEnv("GITHUB_WEB_URL", "https://github.com");
    vi.stubEnv("GITHUB_API_URL", "https://api.github.com");
    // A refused start prints one message and exits non-zero (envOrExit): catch both here.
    let printed = "";
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}: ${printed}`);
    });
    const start = (url: string, allow = "") => {
      vi.stubEnv("NEXTAUTH_URL", url);
      vi.stubEnv("ALLOW_INSECURE_HTTP", allow);
      resetEnvForTests();
      printed = "";
      return register().then(
        () => "started",
        (e: unknown) => String(e),
      );
    };
    expect(await start("http://portal.example.org")).toMatch(
      /NEXTAUTH_URL=http:\/\/portal\.example\.org.*ALLOW_INSECURE_HTTP=1/,
    );
    expect(await start("http://10.0.0.5:3000")).toMatch(/NEXTAUTH_URL/);
    expect(await start("http://portal.example.org", "1")).toBe("started");
    expect(await start("https://portal.example.org")).toBe("started");
    // Loopback stays as it is: `npm start` on a laptop, the end-to-end tests' plain portal.
    expect(await start("http://localhost:3000")).toBe("started");
    expect(await start("http://127.0.0.1:3000")).toBe("started");
    // And so does the demo.
    vi.stubEnv("DEMO", "1");
    expect(await start("http://demo.example.org")).toBe("started");
  });

  it("names the variable when a value is invalid", () => {
    vi.stubEnv("GITHUB_API_URL", "not a url");
    resetEnvForTests();
    expect(() => env()).toThrow(/GITHUB_API_URL/);
  });

  it("PORTAL_ENCRYPTION_KEY: 32 bytes in base64, or unset (Slack off); anything else is named with how to make one", () => {
    vi.stubEnv("PORTAL_ENCRYPTION_KEY", Buffer.alloc(16, 1).toString("base64"));
    resetEnvForTests();
    expect(() => env()).toThrow(/PORTAL_ENCRYPTION_KEY must be 32 random bytes in base64.*openssl rand -base64 32/);
    vi.stubEnv("PORTAL_ENCRYPTION_KEY", "not base64 at all!");
    resetEnvForTests();
    expect(() => env()).toThrow(/PORTAL_ENCRYPTION_KEY/);
    vi.stubEnv("PORTAL_ENCRYPTION_KEY", Buffer.alloc(32, 1).toString("base64"));
    resetEnvForTests();
    expect(env().PORTAL_ENCRYPTION_KEY).toHaveLength(44);
    vi.stubEnv("PORTAL_ENCRYPTION_KEY", "");
    resetEnvForTests();
    expect(env().PORTAL_ENCRYPTION_KEY).toBeUndefined();
    expect(env().SLACK_WEBHOOK_BASE_URL).toBe("https://hooks.slack.com/");
  });
});
