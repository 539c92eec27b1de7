"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { createInviteBatch } from "@/lib/batches/create";
import {
  BULK_FILE_MAX_BYTES,
  BULK_FILE_MAX_MEGABYTES,
  parseBulkCsv,
} from "@/lib/invitations/bulk/parse";
import { previewBulkInvitations } from "@/lib/invitations/bulk/preview";
import { namespaceTranslator } from "@/lib/i18n/translator";
import type { BulkPreviewView } from "./preview-view";

/**
 * "Check file" shows what the file would send and writes nothing; "Send" checks
 * the same file again (it may have changed) and queues its valid rows as a
 * batch, then shows the batch's progress.
 */
export const uploadBulkInvitations = action(
  {
    permission: "invitations.create",
    input: z.object({ intent: z.enum(["check", "send"]).default("check") }),
  },
  async ({ intent }, { actor, db, now, formData, locale }) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return fileRefused("bulk.noFile", {});
    if (file.size > BULK_FILE_MAX_BYTES)
      return fileRefused("bulk.tooLarge", { max: BULK_FILE_MAX_MEGABYTES });
    const rows = parseBulkCsv(new Uint8Array(await file.arrayBuffer()));
    const preview = await previewBulkInvitations(db, actor, rows, now);
    if (intent === "send") {
      const { id } = await createInviteBatch(db, actor, { preview, fileName: file.name }, now);
      revalidatePath("/subaccounts/invitations");
      return { redirectTo: `/subaccounts/invitations/batches/${id}` };
    }
    const problem = namespaceTranslator(locale, "bulkInvite");
    const data: BulkPreviewView = {
      fileName: file.name,
      rows: preview.counts.rows,
      valid: preview.counts.valid,
      invalid: preview.counts.invalid,
      problems: preview.rows.flatMap((r) =>
        r.problems.map((p) => ({ row: r.row, email: r.email, problem: problem(`problems.${p}`) })),
      ),
    };
    return { ok: true, data };
  },
);

/** A file that cannot be checked at all: said at the file's field. */
function fileRefused(code: `bulk.${string}`, params: Record<string, number>) {
  return {
    ok: false as const,
    message: code,
    params,
    fieldErrors: { file: [{ code, params }] },
  };
}
