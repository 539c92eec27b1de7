import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

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
  });

  it("requires AUTH_SECRET in production and never turns the mailbox on there", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "s3cret" }).devMailbox).toBe(false);
  });

  it("treats empty strings as unset and trims the base URL", () => {
    const e = parseEnv({
      DATABASE_URL: "",
      RESEND_API_KEY: "",
      APP_URL: "https://portal.example/",
    });
    expect([e.DATABASE_URL, e.RESEND_API_KEY, e.APP_URL]).toEqual([
      undefined,
      undefined,
      "https://portal.example",
    ]);
  });
});
