import type { RateLimit } from "./service";

type Rule = Omit<RateLimit, "key">;
const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Limits on everything that makes the app send an email or spend a password
 * hash on a stranger's behalf. Each is counted in PostgreSQL, so every app
 * instance sees the same counts.
 */
export const LIMITS = {
  resendsPerInvitation: { limit: 5, windowSeconds: DAY },
  resendsPerAccount: { limit: 100, windowSeconds: HOUR },
  usersAddedPerAccount: { limit: 50, windowSeconds: HOUR },
  passwordLinksPerUser: { limit: 5, windowSeconds: DAY },
  failedAcceptsPerToken: { limit: 10, windowSeconds: HOUR },
  failedAcceptsPerAddress: { limit: 30, windowSeconds: HOUR },
  badSetPasswordLinksPerAddress: { limit: 20, windowSeconds: HOUR },
  // Opening invitation links that lead nowhere: guessing tokens is slowed to a crawl.
  badInvitationLinksPerAddress: { limit: 20, windowSeconds: HOUR },
  // "Forgot password?": counted whether or not the username exists, so the answer tells nothing.
  passwordResetsPerAddress: { limit: 10, windowSeconds: HOUR },
  passwordResetsPerUsername: { limit: 3, windowSeconds: HOUR },
  // Reset links a user is sent in a day, apart from the links an Administrator sends
  // (passwordLinksPerUser), which strangers asking for resets must not use up.
  passwordResetLinksPerUser: { limit: 5, windowSeconds: DAY },
  // Bulk uploads and actions on many invitations an account starts: each may hold
  // thousands of rows, so they are limited as batches rather than row by row.
  batchesPerAccount: { limit: 20, windowSeconds: HOUR },
  // API requests with a missing, unknown, revoked or expired key, from one address.
  badApiKeysPerAddress: { limit: 100, windowSeconds: HOUR / 4 },
} as const satisfies Record<string, Rule>;

/**
 * The requests of one API key in a minute (API_REQUESTS_PER_MINUTE), counted by
 * the statement that finds the key: its counter's key is this prefix and the key's id.
 */
export const API_KEY_REQUESTS = { prefix: "apiRequestsPerKey:", windowSeconds: 60 } as const;

/** Things that run for a while, at most so many at once. */
export const SLOTS = {
  // CSV exports of one user at once: each reads the whole list, a batch at a time.
  exportsPerUser: { limit: 2, leaseSeconds: 15 * 60 },
} as const;

export function slotsFor(name: keyof typeof SLOTS, subject: string) {
  return { key: `${name}:${subject}`, ...SLOTS[name] };
}

/** The counter of one limit for one subject: `limitFor("resendsPerInvitation", id)`. */
export function limitFor(name: keyof typeof LIMITS, subject: string): RateLimit {
  return { key: `${name}:${subject}`, ...LIMITS[name] };
}
