"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { fieldErrorsOf } from "@/lib/actions/action";
import type { FormState } from "@/lib/actions/form-state";
import { checkPasswords, emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import { signIn } from "@/lib/auth/next-auth";
import { completeSetup } from "@/lib/auth/service";
import { isLocale } from "@/lib/i18n/locale";
import { DomainError } from "@/lib/errors";

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
  })
  .superRefine(checkPasswords);

// Public by nature: it only works while no account exists (checked inside the transaction).
export async function setupAction(
  _previous: FormState | undefined,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(formData);
  const kept = {
    accountName: String(values.accountName ?? ""),
    firstName: String(values.firstName ?? ""),
    lastName: String(values.lastName ?? ""),
    email: String(values.email ?? ""),
    username: String(values.username ?? ""),
  };
  const parsed = input.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      message: "errors.invalid_input",
      fieldErrors: fieldErrorsOf(parsed.error),
      values: kept,
    };
  }
  try {
    await completeSetup(await getDb(), parsed.data, new Date());
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, message: `errors.${error.code}`, values: kept };
    console.error("Setup failed", error);
    return { ok: false, message: "errors.unexpected", values: kept };
  }
  await signIn("credentials", {
    username: parsed.data.username,
    password: parsed.data.password,
    redirectTo: "/",
  });
  return { ok: true };
}
