import { z } from "zod";
import { emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import { LOCALES, ROLES } from "@/lib/enums";

/** A new user of an account: who they are, their sign-in name, role and language. */
export const newUserInput = z.object({
  firstName: nameInput,
  lastName: nameInput,
  email: emailInput,
  username: usernameInput,
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
});
