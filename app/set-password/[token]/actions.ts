"use server";

import { z } from "zod";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { failureState, fieldErrorsOf, keptValues } from "@/lib/actions/action";
import type { FormState } from "@/lib/actions/form-state";
import { clientIp } from "@/lib/auth/client-ip";
import { signIn } from "@/lib/auth/next-auth";
import { signInAfterSetup } from "@/lib/auth/sign-in-after";
import { env } from "@/lib/env";
import { setPasswordWithToken } from "@/lib/users/service";

const input = z
  .object({
    token: z.string().max(100),
    password: z.string().max(1000),
    confirmPassword: z.string().max(1000),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "v.passwords_differ",
  });

// Public: the one-time token is the credential; the domain checks it and the password rule.
export async function setPasswordAction(
  _previous: FormState | undefined,
  formData: FormData,
): Promise<FormState> {
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return {
      ok: false,
      message: "errors.invalid_input",
      fieldErrors: fieldErrorsOf(parsed.error),
      values: keptValues(formData),
    };
  }
  let username: string;
  try {
    ({ username } = await setPasswordWithToken(await getDb(), {
      token: parsed.data.token,
      password: parsed.data.password,
      ip: clientIp(await headers(), env().TRUSTED_PROXY_HOPS),
      now: new Date(),
    }));
  } catch (error) {
    return failureState(error, formData);
  }
  await signInAfterSetup(
    () => signIn("credentials", { username, password: parsed.data.password, redirectTo: "/" }),
    redirect,
  );
  return { ok: true };
}
