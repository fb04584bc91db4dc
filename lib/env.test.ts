import { afterEach, describe, expect, it, vi } from "vitest";
import { assertSafeProductionConfig, env, resetEnvForTests } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
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

  it("names the variable when a value is invalid", () => {
    vi.stubEnv("GITHUB_API_URL", "not a url");
    resetEnvForTests();
    expect(() => env()).toThrow(/GITHUB_API_URL/);
  });
});
