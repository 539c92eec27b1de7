import { DomainError } from "@/lib/errors";
export const PASSWORD_MIN_LENGTH = 12;

export type PasswordProblem = "too_short" | "too_simple" | "contains_username" | "contains_email";

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** The password rule: ≥ 12 characters, three of four kinds, not built on the username or email. */
export function passwordProblems(
  password: string,
  identity: { username?: string | null; email?: string | null },
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push("too_short");
  if (CLASSES.filter((re) => re.test(password)).length < 3) problems.push("too_simple");
  const lower = password.toLowerCase();
  const username = identity.username?.trim().toLowerCase();
  if (username && lower.includes(username)) problems.push("contains_username");
  const localPart = identity.email?.trim().toLowerCase().split("@")[0];
  if (localPart && localPart.length >= 3 && lower.includes(localPart))
    problems.push("contains_email");
  return problems;
}

/** 0–4, for the strength hint beside the field; the rule above is what decides. */
export function passwordStrength(password: string): number {
  if (!password) return 0;
  const kinds = CLASSES.filter((re) => re.test(password)).length;
  const length = [...password].length;
  let score = 0;
  if (length >= PASSWORD_MIN_LENGTH) score++;
  if (length >= 16) score++;
  if (kinds >= 3) score++;
  if (kinds === 4) score++;
  return score;
}

/** Refuses a password the rule above finds a problem with; the form shows it at the password field. */
export function assertStrongPassword(
  password: string,
  identity: { username?: string | null; email?: string | null },
) {
  if (passwordProblems(password, identity).length > 0)
    throw new DomainError("weak_password", "password");
}
