import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { API_KEY_ERROR_CODES } from "./api-keys/errors";
import { BATCH_ERROR_CODES } from "./batches/errors";
import { SETUP_ERROR_CODES } from "./auth/errors";
import { CONTRACT_ERROR_CODES } from "./contracts/errors";
import { COMMON_ERROR_CODES, describeError } from "./errors";
import { INVITATION_ERROR_CODES } from "./invitations/errors";
import { SUBACCOUNT_ERROR_CODES } from "./subaccounts/errors";
import { USER_ERROR_CODES } from "./users/errors";
import { WEBHOOK_ERROR_CODES } from "./webhooks/errors";

// Every code a refusal can carry, by the area that gives it; and the form's own.
const CODE_LISTS = {
  COMMON_ERROR_CODES,
  API_KEY_ERROR_CODES,
  BATCH_ERROR_CODES,
  SETUP_ERROR_CODES,
  CONTRACT_ERROR_CODES,
  INVITATION_ERROR_CODES,
  SUBACCOUNT_ERROR_CODES,
  USER_ERROR_CODES,
  WEBHOOK_ERROR_CODES,
};
const FORM_CODES = ["invalid_input", "unexpected", "signed_out"];

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

describe("refusals", () => {
  it("all have an English and a German message", () => {
    const codes = [...Object.values(CODE_LISTS).flat(), ...FORM_CODES];
    for (const messages of [en, de]) {
      const errors = messages.errors as Record<string, string>;
      expect(codes.filter((code) => !errors[code])).toEqual([]);
    }
  });

  it("are all listed above: every area's error codes are checked", () => {
    const declared: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test."))
          for (const m of readFileSync(file, "utf8").matchAll(/export const (\w+_ERROR_CODES)\b/g))
            declared.push(m[1]!);
      }
    };
    walk(import.meta.dirname);
    expect(declared.sort()).toEqual(Object.keys(CODE_LISTS).sort());
  });
});
