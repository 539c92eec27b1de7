import { stringify } from "csv-stringify/sync";
import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { batchRows } from "./queries";

/** The result file's columns; `description` only where the reader's words are given. */
export const RESULT_COLUMNS = ["row", "email", "outcome", "invitation_id"] as const;

const PAGE = 5000;

/**
 * A batch's result as CSV: one line per row, in order, with its outcome
 * (`invited`, `resent`, `canceled`, `extended`, the codes of a row's problems
 * separated by spaces, or a refusal's code; empty while the row waits). With
 * `describe`, a column of the outcome in the reader's words follows it.
 */
export async function batchResultCsv(
  db: Db,
  actor: Actor,
  id: string,
  describe?: { header: string; outcome: (code: string) => string },
): Promise<string> {
  const header: string[] = [...RESULT_COLUMNS];
  if (describe) header.splice(3, 0, describe.header);
  const lines: string[][] = [header];
  let afterRow: number | undefined;
  for (;;) {
    const page = await batchRows(db, actor, id, { afterRow, limit: PAGE });
    for (const r of page) {
      const line = [String(r.row), r.email, r.outcome ?? "", r.invitationId ?? ""];
      if (describe) line.splice(3, 0, r.outcome ? describe.outcome(r.outcome) : "");
      lines.push(line);
    }
    if (page.length < PAGE) break;
    afterRow = page.at(-1)!.row;
  }
  // A cell that starts like a formula is prefixed with ', as in the invitations export.
  return stringify(lines, { bom: !!describe, escape_formulas: true, record_delimiter: "\r\n" });
}
