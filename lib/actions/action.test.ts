import { CredentialsSignin } from "@auth/core/errors";
import { after } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { InvitationError } from "@/lib/invitations/errors";
import { formData as form, request } from "@/tests/helpers/request";
import { action, publicAction } from "./action";

const actor = (role: Actor["role"]): Actor => ({
  userId: "u1",
  accountId: "a1",
  role,
  username: "someone",
  name: "Some One",
  email: "someone@example.com",
  accountName: "Acme",
  accountType: "reseller",
  locale: null,
  timeZone: null,
});

const handler = vi.fn(async (input: { email: string }) => ({
  ok: true as const,
  message: "invitations.sent",
  params: { email: input.email },
}));
const invite = action(
  {
    permission: "invitations.create",
    input: z.object({ email: z.email(), password: z.string().optional() }),
  },
  handler,
);
// The wrapper never touches the database itself: the handlers here do not either.
const as = (a: Actor | null, locale: "en" | "de" = "en") =>
  Object.assign(request, { actor: a, db: {} as Db, now: new Date(), ip: null, locale });

describe("server action wrapper", () => {
  it("delivers what every successful action queued right after its answer, and nothing after a refusal", async () => {
    as(actor("manager"));
    vi.mocked(after).mockClear();
    await invite(undefined, form({ email: "x@example.com" }));
    expect(after).toHaveBeenCalledTimes(1);
    vi.mocked(after).mockClear();
    await invite(undefined, form({ email: "not an address" }));
    as(actor("user"));
    await invite(undefined, form({ email: "x@example.com" }));
    expect(after).not.toHaveBeenCalled();
  });

  it("refuses a signed-out caller without running the handler", async () => {
    as(null);
    handler.mockClear();
    expect(await invite(undefined, form({ email: "x@example.com" }))).toMatchObject({
      ok: false,
      message: "errors.signed_out",
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a caller whose role lacks the permission", async () => {
    as(actor("user"));
    handler.mockClear();
    expect(await invite(undefined, form({ email: "x@example.com" }))).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    as(actor("finance_manager"));
    expect((await invite(undefined, form({ email: "x@example.com" }))).message).toBe(
      "errors.forbidden",
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler for a permitted caller with parsed input", async () => {
    as(actor("manager"));
    expect(await invite(undefined, form({ email: "x@example.com" }))).toMatchObject({
      ok: true,
      message: "invitations.sent",
      params: { email: "x@example.com" },
    });
  });

  it("answers in words of the page's language, the form's message and each field's errors", async () => {
    as(null, "de");
    expect(await invite(undefined, form({ email: "x@example.com" }))).toMatchObject({
      message: "errors.signed_out",
      text: "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
    });
    as(actor("administrator"), "de");
    expect(await invite(undefined, form({ email: "not-an-email" }))).toMatchObject({
      text: "Bitte korrigieren Sie die markierten Felder.",
      fieldErrors: {
        email: [{ code: "validation.invalid_format", text: "Das Format ist nicht gültig." }],
      },
    });
    as(actor("manager"), "en");
    expect((await invite(undefined, form({ email: "x@example.com" }))).text).toBe(
      "Invitation sent to x@example.com.",
    );
    // A refusal's values reach the field's words as well as the form's.
    handler.mockRejectedValueOnce(
      new DomainError("webhook_url_refused", "email", { reason: "private_address" }),
    );
    const refused = await invite(undefined, form({ email: "x@example.com" }));
    const reason = "it leads to a private or local network address.";
    expect(refused.text).toContain(reason);
    expect(refused.ok === false && refused.fieldErrors?.email?.[0]?.text).toContain(reason);
  });

  it("returns field errors and keeps typed values, but never a password", async () => {
    as(actor("administrator"));
    const state = await invite(undefined, form({ email: "not-an-email", password: "secret" }));
    expect(state).toMatchObject({
      ok: false,
      message: "errors.invalid_input",
      values: { email: ["not-an-email"] },
    });
    expect(state.ok === false && state.fieldErrors?.email?.[0]?.code).toBe(
      "validation.invalid_format",
    );
    expect(state.ok === false && state.values).not.toHaveProperty("password");
  });

  it("keeps every value of a multi-valued field and every ticked box", async () => {
    as(actor("administrator"));
    const fd = form({ email: "bad" });
    fd.append("types", "retail");
    fd.append("types", "reseller");
    fd.set("available_p1", "on");
    fd.set("confirmPassword", "secret");
    fd.set("token", "t0k3n");
    const state = await invite(undefined, fd);
    expect(state.ok === false && state.values).toEqual({
      email: ["bad"],
      types: ["retail", "reseller"],
      available_p1: ["on"],
    });
  });

  it("turns a domain refusal into its message and hides unexpected errors", async () => {
    as(actor("administrator"));
    handler.mockRejectedValueOnce(new InvitationError("invitation_duplicate_pending", "email"));
    expect(await invite(undefined, form({ email: "x@example.com" }))).toMatchObject({
      ok: false,
      message: "errors.invitation_duplicate_pending",
      fieldErrors: { email: [{ code: "errors.invitation_duplicate_pending" }] },
    });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    handler.mockRejectedValueOnce(new Error("connection string postgres://secret@db"));
    const state = await invite(undefined, form({ email: "x@example.com" }));
    expect(state).toMatchObject({ ok: false, message: "errors.unexpected" });
    expect(JSON.stringify(state)).not.toContain("secret@db");
    spy.mockRestore();
  });
});

describe("public action wrapper", () => {
  const setPassword = publicAction(
    { input: z.object({ token: z.string().min(1), password: z.string().min(1) }) },
    async (input, { ip }) => ({
      signIn: async () => {
        if (input.password === "refused") throw new CredentialsSignin();
        throw Object.assign(new Error("NEXT_REDIRECT"), { to: `/?from=${ip}` });
      },
    }),
  );

  it("runs for a signed-out visitor, with the client address", async () => {
    as(null);
    request.ip = "203.0.113.7";
    await expect(
      setPassword(undefined, form({ token: "t", password: "chosen" })),
    ).rejects.toMatchObject({ to: "/?from=203.0.113.7" });
  });

  it("refuses bad input as a signed-in action does, never echoing the token", async () => {
    as(null);
    const state = await setPassword(undefined, form({ token: "t0k3n", password: "" }));
    expect(state).toMatchObject({ ok: false, message: "errors.invalid_input" });
    expect(state.ok === false && state.values).not.toHaveProperty("token");
  });

  it("sends the person to sign in when the sign-in after it is refused", async () => {
    as(null);
    await expect(
      setPassword(undefined, form({ token: "t", password: "refused" })),
    ).rejects.toMatchObject({ to: "/sign-in?ready=1" });
  });
});
