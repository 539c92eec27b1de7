import { describe, expect, it } from "vitest";
import { describeError } from "./errors";

describe("describing an unexpected error for the log", () => {
  it("leaves out a failed query's parameters, which may hold a one-time link", () => {
    const token = "s3cretT0kenValueThatMustNotAppearInLogs_xyz12";
    const cause = Object.assign(new Error("canceling statement due to statement timeout"), {
      code: "57014",
    });
    const error = Object.assign(
      new Error(
        `Failed query: insert into "email_outbox" values ($1)\nparams: https://x/accept/${token}`,
      ),
      {
        name: "DrizzleQueryError",
        query: "insert …",
        params: [`https://x/accept/${token}`],
        cause,
      },
    );
    const text = describeError(error);
    expect(text).not.toContain(token);
    expect(text).toContain("57014");
    expect(text).toContain("statement timeout");
  });
});
