import { describe, expect, it } from "vitest";
import { isLoopbackUrl, parseEnv } from "./env";

const SECRET = "0123456789abcdef0123456789abcdef";
const production = {
  NODE_ENV: "production",
  AUTH_SECRET: SECRET,
  APP_URL: "https://portal.example",
  DATABASE_URL: "postgres://db.example/certportal",
};

describe("environment", () => {
  it("runs in development with nothing set: embedded database, development mailbox", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e).toMatchObject({ APP_URL: "http://localhost:3000", devMailbox: true });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ APP_URL: "not a url" })).toThrow(/APP_URL/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ INVITATIONS_PER_HOUR: "many" })).toThrow(/INVITATIONS_PER_HOUR/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "0" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("requires AUTH_SECRET of at least 32 characters in production and never turns the mailbox on there", () => {
    expect(() => parseEnv({ ...production, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ ...production, AUTH_SECRET: "s3cret" })).toThrow(/AUTH_SECRET/);
    expect(parseEnv(production).devMailbox).toBe(false);
  });

  it("uses the development secret and mailbox only on a loopback address", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1:3200", "http://[::1]:3000"])
      expect(parseEnv({ APP_URL: url }).devMailbox).toBe(true);
    expect(() => parseEnv({ APP_URL: "http://192.168.1.20:3000" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ APP_URL: "https://portal.example" })).toThrow(/AUTH_SECRET/);
    const lan = parseEnv({ APP_URL: "http://192.168.1.20:3000", AUTH_SECRET: SECRET });
    expect(lan.devMailbox).toBe(false);
    expect(lan.AUTH_SECRET).toBe(SECRET);
  });

  it("requires APP_URL in production, and refuses the embedded database unless chosen on purpose", () => {
    expect(() => parseEnv({ ...production, APP_URL: "" })).toThrow(/APP_URL/);
    expect(() => parseEnv({ ...production, DATABASE_URL: "" })).toThrow(/EMBEDDED_DATABASE/);
    const embedded = parseEnv({ ...production, DATABASE_URL: "", EMBEDDED_DATABASE: "1" });
    expect(embedded.embeddedDatabase).toBe(true);
    // The in-app poller is then the only worker: it cannot be off.
    expect(() =>
      parseEnv({
        ...production,
        DATABASE_URL: "",
        EMBEDDED_DATABASE: "1",
        OUTBOX_POLL_SECONDS: "0",
      }),
    ).toThrow(/OUTBOX_POLL_SECONDS/);
  });

  it("lets webhooks reach this machine only outside production", () => {
    expect(() => parseEnv({ ...production, WEBHOOKS_ALLOW_LOOPBACK: "1" })).toThrow(
      /WEBHOOKS_ALLOW_LOOPBACK/,
    );
    expect(parseEnv(production).webhooksAllowLoopback).toBe(false);
    // A production build tried on the machine itself, as the browser tests run it.
    expect(
      parseEnv({ ...production, APP_URL: "http://127.0.0.1:3200", WEBHOOKS_ALLOW_LOOPBACK: "1" })
        .webhooksAllowLoopback,
    ).toBe(true);
    expect(parseEnv({ WEBHOOKS_ALLOW_LOOPBACK: "1" }).webhooksAllowLoopback).toBe(true);
  });

  it("treats empty strings as unset and trims the base URL", () => {
    const e = parseEnv({
      DATABASE_URL: "",
      RESEND_API_KEY: "",
      APP_URL: "http://localhost:3000/",
    });
    expect([e.DATABASE_URL, e.RESEND_API_KEY, e.APP_URL]).toEqual([
      undefined,
      undefined,
      "http://localhost:3000",
    ]);
  });

  it("knows a loopback address", () => {
    expect(isLoopbackUrl("http://localhost:3000")).toBe(true);
    expect(isLoopbackUrl("http://127.0.0.2")).toBe(true);
    expect(isLoopbackUrl("http://[::1]:3000")).toBe(true);
    expect(isLoopbackUrl("http://localhost.evil.example")).toBe(false);
    expect(isLoopbackUrl("http://10.0.0.1")).toBe(false);
  });
});
