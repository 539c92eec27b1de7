"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { requestContext } from "@/lib/actions/context";
import { type FormState, withTexts } from "@/lib/actions/form-state";
import { signIn } from "@/lib/auth/next-auth";
import { safeReturnPath } from "@/lib/auth/redirect";
import { env } from "@/lib/env";

const input = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
  returnTo: z.string().optional(),
});

export async function signInAction(
  _previous: FormState | undefined,
  formData: FormData,
): Promise<FormState> {
  return withTexts(await signingIn(formData), (await requestContext()).locale);
}

async function signingIn(formData: FormData): Promise<FormState> {
  const parsed = input.safeParse(Object.fromEntries(formData));
  const username = String(formData.get("username") ?? "").slice(0, 200);
  if (!parsed.success)
    return { ok: false, message: "signIn.invalidCredentials", values: { username: [username] } };
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", {
      username: parsed.data.username,
      password: parsed.data.password,
      timeZone: String(formData.get("timeZone") ?? ""),
      redirectTo: safeReturnPath(parsed.data.returnTo, env().APP_URL),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const tooMany = (error as AuthError & { code?: string }).code === "too_many_attempts";
      return {
        ok: false,
        message: tooMany ? "signIn.tooManyAttempts" : "signIn.invalidCredentials",
        values: { username: [username] },
      };
    }
    throw error;
  }
  return { ok: true };
}
