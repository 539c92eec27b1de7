/**
 * The invitation numbers and sets that forms and pages share: dependency-free,
 * so a client component can import them without the database.
 */

/** An invitation expires this long after it was last sent. The only place this number lives. */
export const INVITATION_TTL_DAYS = 30;
/** "Extend by 30 days": the same link, a later expiry. */
export const EXTEND_DAYS = 30;
/** No extension takes an invitation past this long after it was first sent. */
export const INVITATION_MAX_LIFETIME_DAYS = 90;
/** "Expiring soon": pending, and expiring within this many days. */
export const EXPIRING_SOON_DAYS = 7;
/** "Remind the invitee N days before the link expires": N is one of these, or off. */
export const REMINDER_DAYS_MIN = 1;
export const REMINDER_DAYS_MAX = 14;
/** The custom message shown to the invitee, plain text. */
export const CUSTOM_MESSAGE_MAX = 1000;

/** What a person sees as an invitation's status, in the order the filter offers them. */
export const DISPLAY_STATUSES = ["pending", "accepted", "expired", "canceled"] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

/**
 * The orders of Manage invitations: by date last sent (newest first unless
 * "oldest"), or by expiry (earliest first, or latest first) where the list
 * shows one (`showsExpiry`: the Pending and Expired tabs). An expiry is always
 * the same time after the last send, so both are one order, named by the column
 * the reader chose it from.
 */
export const INVITATION_ORDERS = ["newest", "oldest", "expires", "expiresLatest"] as const;
export type InvitationOrder = (typeof INVITATION_ORDERS)[number];
