import { z } from "zod";
import { passwordProblems } from "./password-policy";

export const usernameInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,64}$/, { message: "v.username_format" });

export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "v.email" }).max(254));

export const nameInput = z.string().trim().min(1, { message: "v.required" }).max(100);

/** Adds the password rule and the confirmation check to a form with password, confirmPassword, username, email. */
export function checkPasswords(
  value: { password: string; confirmPassword: string; username: string; email?: string },
  ctx: z.RefinementCtx,
) {
  for (const problem of passwordProblems(value.password, value)) {
    ctx.addIssue({ code: "custom", path: ["password"], message: `v.${problem}` });
  }
  if (value.password !== value.confirmPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "v.passwords_differ" });
  }
}
