import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/app", NEXTAUTH_SECRET: "x".repeat(32) };

function problems(source: Record<string, string | undefined>) {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error("expected parseEnv to fail");
}

describe("environment", () => {
  it("accepts a minimal valid environment with defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ APP_URL: "http://localhost:3000", WORKER_ENABLED: true, WORKER_POLL_MS: 2000 });
  });

  it("names each bad variable in one message", () => {
    const list = problems({ DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short", APP_URL: "not a url", WORKER_POLL_MS: "soon" });
    expect(list.join("\n")).toMatch(/DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(list.join("\n")).toMatch(/NEXTAUTH_SECRET must be at least 32 characters/);
    expect(list.join("\n")).toMatch(/APP_URL must be an absolute URL/);
    expect(list.join("\n")).toMatch(/WORKER_POLL_MS must be a number/);
  });

  it("refuses a provider timeout that two of would not fit in an email's lease", () => {
    expect(problems({ ...valid, EMAIL_LEASE_SECONDS: "15", EMAIL_SEND_TIMEOUT_MS: "15000" }).join("\n")).toMatch(
      /EMAIL_SEND_TIMEOUT_MS must be at most half of EMAIL_LEASE_SECONDS/,
    );
    expect(parseEnv({ ...valid, EMAIL_LEASE_SECONDS: "30", EMAIL_SEND_TIMEOUT_MS: "15000" }).EMAIL_LEASE_SECONDS).toBe(30);
  });

  it("explains a missing database URL", () => {
    expect(problems({ NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET })[0]).toMatch(/^DATABASE_URL is required/);
  });

  it("treats empty strings as unset", () => {
    const parsed = parseEnv({ ...valid, RESEND_API_KEY: "", WORKER_ENABLED: "0" });
    expect(parsed.RESEND_API_KEY).toBeUndefined();
    expect(parsed.WORKER_ENABLED).toBe(false);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("accepts a hop count or a list of addresses and networks, and names a bad entry", () => {
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toBe("1");
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.7, fd00::/8" }).TRUSTED_PROXIES).toMatch(/10\.0\.0\.0/);
    expect(problems({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8,proxy.local" })[0]).toMatch(/^TRUSTED_PROXIES has "proxy.local"/);
    expect(problems({ ...valid, TRUSTED_PROXIES: "10.0.0.0/40" })[0]).toMatch(/prefix length/);
    expect(problems({ ...valid, TRUSTED_PROXIES: "99" })[0]).toMatch(/hop count/);
  });
});
