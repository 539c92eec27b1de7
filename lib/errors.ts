/**
 * An expected refusal from the domain. `code` doubles as the translation key
 * (under "errors.") that the form shows; anything else thrown is unexpected
 * and is never shown to the user verbatim.
 */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly field?: string,
    /** Values the message may show, such as the id of a conflicting record. */
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** True for PostgreSQL's unique_violation on the named constraint (or any, if none named). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  // Drizzle wraps driver errors; the PostgreSQL error sits in `cause`.
  for (let depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: string; constraint?: string; cause?: unknown };
    if (candidate.code === "23505") return !constraint || candidate.constraint === constraint;
    e = candidate.cause;
  }
  return false;
}
