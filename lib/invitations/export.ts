import { stringify } from "csv-stringify/sync";
import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { AccountType, DeliveryStatus } from "@/lib/enums";
import type { DisplayStatus } from "./constants";
import { slotsFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { InvitationError } from "./errors";
import { type InvitationListParams, listInvitations } from "./queries";
import { shownDelivery } from "./rules";
import { showsExpiry } from "./status";

/** Rows read per query while exporting: the export never holds more than this in memory. */
export const EXPORT_BATCH_SIZE = 1000;

export const EXPORT_COLUMNS = [
  "status",
  "delivery",
  "email",
  "subaccountType",
  "sentBy",
  "lastSentAt",
  "expiresAt",
] as const;

/** The words of the reader's language the file is written in. */
export type ExportWords = {
  column: (key: (typeof EXPORT_COLUMNS)[number]) => string;
  status: (status: DisplayStatus) => string;
  delivery: (delivery: DeliveryStatus) => string;
  type: (type: AccountType) => string;
};

/** A translation of a closed set's value, looked up once per value. */
function once<K extends string>(translate: (key: K) => string): (key: K) => string {
  const known = new Map<K, string>();
  return (key) => {
    let word = known.get(key);
    if (word === undefined) known.set(key, (word = translate(key)));
    return word;
  };
}

const CSV = {
  // A cell that starts like a formula (=, +, -, @) is prefixed with ', so a
  // spreadsheet shows an address such as "=cmd@…" instead of running it.
  escape_formulas: true,
  record_delimiter: "\r\n",
} as const;

/**
 * Every invitation of the list as the actor filtered it (status, search,
 * delivery, order), as CSV: a header, then the rows a batch at a time, read
 * by the list's own keyset query, so a million invitations stream through
 * without being held in memory. Times are ISO 8601 in UTC. Each batch is its
 * own read (one transaction would hold the embedded database for the whole
 * download): an invitation resent meanwhile moves to the top of the list and
 * may be left out of a newest-first file.
 */
export async function exportInvitations(
  db: Db,
  actor: Actor,
  params: InvitationListParams,
  now: Date,
  {
    words,
    batchSize = EXPORT_BATCH_SIZE,
    clock = () => new Date(),
  }: {
    words: ExportWords;
    batchSize?: number;
    /** The time while the download runs, for the lease of its slot. */
    clock?: () => Date;
  },
): Promise<AsyncIterable<string>> {
  authorize(actor, "invitations.view");
  // A few at once per user: each download reads the whole list.
  const slot = await rateLimit.acquireSlot(db, slotsFor("exportsPerUser", actor.userId), now);
  if (!slot) throw new InvitationError("export_rate_limited");
  const header = stringify([EXPORT_COLUMNS.map(words.column)], { ...CSV, bom: true });
  // A million rows use a handful of words: each is translated once.
  const status = once(words.status);
  const deliveryWord = once(words.delivery);
  const type = once(words.type);
  const filters = { ...params, after: undefined, before: undefined, from: undefined };
  return (async function* () {
    try {
      yield header;
      let after: string | undefined;
      do {
        // However slowly it is read, a download in progress keeps its slot.
        await rateLimit.renewSlot(db, slot, clock());
        const page = await listInvitations(db, actor.accountId, { ...filters, after }, now, {
          size: batchSize,
        });
        if (page.rows.length)
          yield stringify(
            page.rows.map((r) => {
              const delivery = shownDelivery(r.status, r.deliveryStatus);
              return [
                status(r.status),
                delivery ? deliveryWord(delivery) : "",
                r.email,
                type(r.subaccountType),
                r.sentBy,
                r.lastSentAt.toISOString(),
                showsExpiry(r.status) ? r.expiresAt.toISOString() : "",
              ];
            }),
            CSV,
          );
        after = page.nextCursor ?? undefined;
      } while (after);
    } finally {
      // Finished, failed or abandoned by the reader: the slot is free again.
      await rateLimit.releaseSlot(db, slot);
    }
  })();
}
