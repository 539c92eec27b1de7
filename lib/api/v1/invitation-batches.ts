import { z } from "zod";
import "zod-openapi";
import { createInviteBatch } from "@/lib/batches/create";
import { getBatch, type BatchSummary } from "@/lib/batches/queries";
import { batchResultCsv } from "@/lib/batches/result";
import { ACTION_KINDS, actOnSelection, planAction, selectionIds } from "@/lib/batches/select";
import { BATCH_KINDS, BATCH_STATUSES } from "@/lib/enums";
import {
  BULK_COLUMNS,
  BULK_FILE_MAX_BYTES,
  BULK_MAX_ROWS,
  parseBulkCsv,
  type RawBulkRow,
} from "@/lib/invitations/bulk/parse";
import { BULK_PROBLEMS, previewBulkInvitations } from "@/lib/invitations/bulk/preview";
import { endpoint, type ApiContext } from "../endpoint";
import { idParams, nullableTimestamp, timestamp } from "./common";

/** /api/v1/invitation_batches: bulk uploads and actions on many invitations, as in Manage invitations. */

const jsonRow = z.strictObject(
  Object.fromEntries(BULK_COLUMNS.map((c) => [c, z.string().max(5000).optional()])) as Record<
    (typeof BULK_COLUMNS)[number],
    z.ZodOptional<z.ZodString>
  >,
);

const batchBody = z
  .union([
    z.strictObject({
      rows: z.array(jsonRow).min(1).max(BULK_MAX_ROWS).meta({
        description: "The rows of a bulk upload, as the columns of the CSV template name them",
      }),
    }),
    z.strictObject({
      action: z.enum(ACTION_KINDS).meta({ description: "What to do to each invitation" }),
      invitation_ids: selectionIds,
    }),
  ])
  .meta({ id: "InvitationBatchRequest" });

const batchQuery = z.strictObject({
  dry_run: z.enum(["true", "false"]).optional().meta({
    description:
      "true: check the rows (or the selection) and answer the preview; nothing is written",
  }),
});

const counts = z.object({
  total: z.number().int(),
  done: z.number().int(),
  succeeded: z.number().int(),
  skipped: z.number().int().meta({
    description: "Done without the change: refused by the checks or when their turn came",
  }),
});

export const batchSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(BATCH_KINDS),
    status: z.enum(BATCH_STATUSES),
    file_name: z.string().nullable(),
    counts,
    error: z.string().nullable().meta({ description: "Why a failed batch stopped" }),
    created_at: timestamp,
    finished_at: nullableTimestamp,
    result_url: z
      .string()
      .meta({ description: "The result file: row, email, outcome, invitation_id" }),
  })
  .meta({ id: "InvitationBatch" });

const previewSchema = z
  .object({
    counts: z.object({
      rows: z.number().int(),
      valid: z.number().int(),
      invalid: z.number().int(),
      by_problem: z.record(z.string(), z.number().int()),
    }),
    problems: z.array(
      z.object({ row: z.number().int(), email: z.string(), problem: z.enum(BULK_PROBLEMS) }),
    ),
  })
  .meta({ id: "InvitationBatchPreview" });

const planSchema = z
  .object({
    action: z.enum(ACTION_KINDS),
    selected: z.number().int(),
    acting: z.number().int(),
    skipped: z
      .record(z.string(), z.number().int())
      .meta({ description: "By the invitation's status, or at_ceiling (extend)" }),
  })
  .meta({ id: "InvitationActionPlan" });

function batchResource(ctx: Pick<ApiContext, "url">, b: BatchSummary): z.input<typeof batchSchema> {
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    file_name: b.fileName,
    counts: { total: b.total, done: b.done, succeeded: b.succeeded, skipped: b.skipped },
    error: b.error,
    created_at: b.createdAt.toISOString(),
    finished_at: b.finishedAt?.toISOString() ?? null,
    result_url: `${ctx.url.origin}/api/v1/invitation_batches/${b.id}/result.csv`,
  };
}

function rowsOfJson(rows: z.output<typeof jsonRow>[]): RawBulkRow[] {
  return rows.map((cells, i) => ({ row: i + 1, cells }));
}

export const createBatchEndpoint = endpoint({
  method: "post",
  path: "/invitation_batches",
  operationId: "createInvitationBatch",
  summary: "Invite many addresses, or act on many invitations",
  description:
    "A bulk upload (a `text/csv` body with the columns of the template, or JSON `rows`) or an action (`resend`, `cancel`, `extend`) on up to 10,000 invitations. With `dry_run=true` the answer is the preview (bulk: the counts and each problem with its row; action: how many it acts on and which it skips) and nothing is written. Otherwise the batch is queued and answered 202: follow it at its URL. Rows are numbered as a spreadsheet shows the file (the header is row 1), JSON rows from 1. Honours `Idempotency-Key`.",
  tag: "Invitation batches",
  permission: "invitations.view",
  query: batchQuery,
  body: batchBody,
  csvBody: {
    description: "The bulk upload file (UTF-8, comma or semicolon)",
    maxBytes: BULK_FILE_MAX_BYTES,
  },
  responses: {
    200: {
      description: "dry_run: the preview (bulk) or the plan (action)",
      schema: z.union([previewSchema, planSchema]),
    },
    202: { description: "The batch, queued", schema: batchSchema },
  },
  async handler({ query, body, csv }, ctx) {
    const dryRun = query.dry_run === "true";
    if (body && "action" in body) {
      const input = { kind: body.action, selection: { ids: body.invitation_ids } };
      if (dryRun) {
        const plan = await planAction(ctx.db, ctx.actor, input, ctx.now);
        return {
          status: 200,
          body: {
            action: plan.kind,
            selected: plan.selected,
            acting: plan.acting,
            skipped: plan.skipped,
          },
        };
      }
      const { id } = await actOnSelection(ctx.db, ctx.actor, input, ctx.now, ctx.deps);
      return accepted(ctx, id);
    }
    const rows = csv !== undefined ? parseBulkCsv(csv) : rowsOfJson(body!.rows);
    const preview = await previewBulkInvitations(ctx.db, ctx.actor, rows, ctx.now);
    if (dryRun)
      return {
        status: 200,
        body: {
          counts: {
            rows: preview.counts.rows,
            valid: preview.counts.valid,
            invalid: preview.counts.invalid,
            by_problem: preview.counts.byProblem,
          },
          problems: preview.rows.flatMap((r) =>
            r.problems.map((problem) => ({ row: r.row, email: r.email, problem })),
          ),
        },
      };
    const { id } = await createInviteBatch(ctx.db, ctx.actor, { preview }, ctx.now);
    return accepted(ctx, id);
  },
});

async function accepted(ctx: ApiContext, id: string) {
  const batch = batchResource(ctx, await getBatch(ctx.db, ctx.actor, id));
  return { status: 202, body: batch, location: `/api/v1/invitation_batches/${id}` };
}

export const getBatchEndpoint = endpoint({
  method: "get",
  path: "/invitation_batches/{id}",
  operationId: "getInvitationBatch",
  summary: "A batch's progress",
  description: "`status` is queued, running, completed or failed; the counts grow as it runs.",
  tag: "Invitation batches",
  permission: "invitations.view",
  params: idParams,
  responses: { 200: { description: "The batch", schema: batchSchema } },
  async handler({ params }, ctx) {
    return { status: 200, body: batchResource(ctx, await getBatch(ctx.db, ctx.actor, params.id)) };
  },
});

export const batchResultEndpoint = endpoint({
  method: "get",
  path: "/invitation_batches/{id}/result.csv",
  operationId: "getInvitationBatchResult",
  summary: "A batch's result file",
  description:
    "One line per row: its number, the address, the outcome (`invited`, `resent`, `canceled`, `extended`, a problem's code, or a refusal's code; empty while the row waits) and the invitation's id.",
  tag: "Invitation batches",
  permission: "invitations.view",
  params: idParams,
  responses: { 200: { description: "CSV, UTF-8", mediaType: "text/csv" } },
  async handler({ params }, ctx) {
    const body = await batchResultCsv(ctx.db, ctx.actor, params.id);
    return { status: 200, contentType: "text/csv; charset=utf-8", body };
  },
});

export const BATCH_ENDPOINTS = [createBatchEndpoint, getBatchEndpoint, batchResultEndpoint];
