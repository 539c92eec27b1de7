import { describe, expect, it } from "vitest";
import { makeAccount, makeUser } from "@/tests/helpers/fixtures";
import { setupTestDb } from "@/tests/helpers/db";
import { actionRequest, formData } from "@/tests/helpers/request";
import { forgotPasswordAction } from "./actions";

const t = setupTestDb();
actionRequest(t, new Date("2026-06-01T08:00:00Z"));

describe("forgot password", () => {
  it("answers the same whether the username exists or not", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "real.user" });
    const answer = async (username: string) => {
      const state = await forgotPasswordAction(undefined, formData({ username }));
      const params = { ...("params" in state ? state.params : {}), username: "" };
      return { ...state, params, text: state.text?.replace(username, "") };
    };
    expect(await answer("real.user")).toEqual(await answer("no.such.user"));
    expect(await forgotPasswordAction(undefined, formData({ username: "real.user" }))).toEqual({
      ok: true,
      message: "forgotPassword.sent",
      params: { username: "real.user", hours: 1 },
      text: "If real.user is a user here, a link to choose a new password is on its way to its email address. It works for 1 hour.",
    });
  });

  it("asks for a username when none is given", async () => {
    expect(await forgotPasswordAction(undefined, formData({ username: "  " }))).toMatchObject({
      ok: false,
      fieldErrors: { username: [{ code: "validation.required" }] },
    });
  });
});
