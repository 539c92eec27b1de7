import { describe, expect, it } from "vitest";
import { standaloneWorkerProblem } from "./standalone-worker";

describe("the separate outbox worker", () => {
  it("refuses the embedded database, which the app itself serves", () => {
    expect(
      standaloneWorkerProblem({
        embeddedDatabase: true,
        RESEND_API_KEY: "re_x",
        NODE_ENV: "production",
      }),
    ).toMatch(/embedded database/);
  });
  it("refuses to start in production without a real transport", () => {
    expect(
      standaloneWorkerProblem({
        embeddedDatabase: false,
        RESEND_API_KEY: undefined,
        NODE_ENV: "production",
      }),
    ).toMatch(/RESEND_API_KEY/);
  });
  it("starts against a database server with a transport", () => {
    expect(
      standaloneWorkerProblem({
        embeddedDatabase: false,
        RESEND_API_KEY: "re_x",
        NODE_ENV: "production",
      }),
    ).toBeNull();
    expect(
      standaloneWorkerProblem({
        embeddedDatabase: false,
        RESEND_API_KEY: undefined,
        NODE_ENV: "development",
      }),
    ).toBeNull();
  });
});
