/**
 * The invitation numbers and sets that forms and pages share: dependency-free,
 * so a client component can import them without the database.
 */

/** An invitation expires this long after it was last sent. The only place this number lives. */
export const INVITATION_TTL_DAYS = 30;
/** The custom message shown to the invitee, plain text. */
export const CUSTOM_MESSAGE_MAX = 1000;

/** What a person sees as an invitation's status, in the order the filter offers them. */
export const DISPLAY_STATUSES = ["pending", "accepted", "expired", "canceled"] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];
