/** Refusals any area may give: no right to do this, a password the policy refuses. */
export const COMMON_ERROR_CODES = ["forbidden", "weak_password", "unknown_time_zone"] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

/**
 * An expected refusal from the domain. `code` doubles as the translation key
 * (under "errors.") that the form shows; anything else thrown is unexpected
 * and is never shown to the user verbatim.
 */
export class DomainError<C extends string = CommonErrorCode> extends Error {
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

/**
 * An unexpected error as one line for the log (and the outbox's last error):
 * names, messages, codes and the stack, down the chain of causes, but never a
 * failed query's parameters, which may hold an email body with a one-time link.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (!(current instanceof Error)) {
      parts.push(typeof current === "string" ? current.slice(0, 200) : typeof current);
      break;
    }
    const withQuery = "params" in current || "query" in current;
    const code = (current as { code?: unknown }).code;
    parts.push(
      `${current.name}: ${withQuery ? "(query and its parameters withheld)" : current.message}` +
        (typeof code === "string" ? ` [${code}]` : ""),
    );
    current = current.cause;
  }
  // Only the frames: the stack's first lines repeat the message (and a query's parameters).
  const stack =
    error instanceof Error
      ? (error.stack ?? "")
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 5)
      : [];
  return [parts.join(" ← "), ...stack].join("\n");
}
