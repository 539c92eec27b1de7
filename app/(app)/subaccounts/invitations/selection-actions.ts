"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { getBatch } from "@/lib/batches/queries";
import {
  ACTION_KINDS,
  actOnSelection,
  planAction,
  type Selection,
  selectionIds,
} from "@/lib/batches/select";
import { env } from "@/lib/env";
import { invitationListParams } from "@/lib/invitations/queries";

/**
 * Rows chosen on the page (`ids`, a field per row), or every row of the list
 * as filtered (`filter`: the list's query string, "all N matching this filter").
 */
const selectionInput = z.object({
  kind: z.enum(ACTION_KINDS),
  ids: z.preprocess((v) => (v === undefined ? undefined : [v].flat()), selectionIds.optional()),
  filter: z.string().max(2000).optional(),
});

function selectionOf(input: z.output<typeof selectionInput>): Selection {
  if (input.ids) return { ids: input.ids };
  return {
    filter: invitationListParams.parse(Object.fromEntries(new URLSearchParams(input.filter ?? ""))),
  };
}

/** What an action on the selection would do, for its confirmation; writes nothing. */
export const planSelection = action(
  { permission: "invitations.view", input: selectionInput },
  async (input, { actor, db, now }) => {
    const data = await planAction(
      db,
      actor,
      { kind: input.kind, selection: selectionOf(input) },
      now,
    );
    return { ok: true, data };
  },
);

/**
 * Acts on the selection: up to 100 before the answer, which says how it went;
 * more in the background, followed on the batch's page.
 */
export const actOnSelectionAction = action(
  { permission: "invitations.view", input: selectionInput },
  async (input, { actor, db, now }) => {
    const { id, background } = await actOnSelection(
      db,
      actor,
      { kind: input.kind, selection: selectionOf(input) },
      now,
      { appUrl: env().APP_URL },
    );
    revalidatePath("/subaccounts/invitations");
    if (background) return { redirectTo: `/subaccounts/invitations/batches/${id}` };
    const batch = await getBatch(db, actor, id);
    return {
      ok: true,
      message: `invitationSelection.outcome.${input.kind}`,
      params: { succeeded: batch.succeeded, refused: batch.skipped },
    };
  },
);
