"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { checkPasswords, emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import { signIn } from "@/lib/auth/next-auth";
import { completeSetup } from "@/lib/auth/setup";
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
export const setupAction = publicAction(
  { input },
  async ({ setupCode, confirmPassword: _confirm, ...setup }, { db, now, formData }) => {
    await completeSetup(db, setup, now, { codeRequired: setupCodeRequired(env()), setupCode });
    return {
      signIn: () =>
        signIn("credentials", {
          username: setup.username,
          password: setup.password,
          timeZone: String(formData.get("timeZone") ?? ""),
          redirectTo: "/",
        }),
    };
  },
);
