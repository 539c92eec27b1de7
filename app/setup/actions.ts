"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { failureState, fieldErrorsOf, keptValues } from "@/lib/actions/action";
import type { FormState } from "@/lib/actions/form-state";
import { checkPasswords, emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import { signIn } from "@/lib/auth/next-auth";
import { completeSetup } from "@/lib/auth/service";
import { setupCodeRequired } from "@/lib/auth/setup-code";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locale";

const input = z
  .object({
    accountName: z.string().trim().min(2).max(200),
    firstName: nameInput,
    lastName: nameInput,
    email: emailInput,
    username: usernameInput,
    password: z.string().max(1000),
    confirmPassword: z.string().max(1000),
    locale: z.string().transform((v) => (isLocale(v) ? v : "en")),
    setupCode: z.string().max(100).optional(),
  })
  .superRefine(checkPasswords);

// Public by nature: it only works while no account exists (checked inside the transaction).
export async function setupAction(
  _previous: FormState | undefined,
  formData: FormData,
): Promise<FormState> {
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return {
      ok: false,
      message: "errors.invalid_input",
      fieldErrors,
      values: keptValues(formData),
    };
  }
  try {
    const { setupCode, ...setup } = parsed.data;
    await completeSetup(await getDb(), setup, new Date(), {
      codeRequired: setupCodeRequired(env()),
      setupCode,
    });
  } catch (error) {
    return failureState(error, formData);
  }
  await signIn("credentials", {
    username: parsed.data.username,
    password: parsed.data.password,
    redirectTo: "/",
  });
  return { ok: true };
}
