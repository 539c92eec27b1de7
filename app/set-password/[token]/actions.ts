"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth/next-auth";
import { setPasswordWithToken } from "@/lib/users/set-password";

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

// Public: the one-time token is the credential; the use case checks it and the password rule.
export const setPasswordAction = publicAction(
  { input },
  async ({ token, password }, { db, now, ip, formData }) => {
    const { username } = await setPasswordWithToken(db, { token, password, ip }, now);
    const timeZone = String(formData.get("timeZone") ?? "");
    return {
      signIn: () => signIn("credentials", { username, password, timeZone, redirectTo: "/" }),
    };
  },
);
