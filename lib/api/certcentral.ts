import { z } from "zod";
import { INVITABLE_TYPES } from "@/lib/enums";
import {
  getInvitationDetail,
  invitationCounts,
  invitationListParams,
  invitationListTotal,
  listInvitations,
} from "@/lib/invitations/queries";
import { type Dialect, endpoint } from "./endpoint";
import { ApiProblem } from "./http";
import { problemFor, type ProblemCode } from "./problems";
import { inviteEach, INVITE_BATCH_MAX } from "./v1/invitations";
import type { DisplayStatus } from "@/lib/invitations/constants";

/**
 * CertCentral's documented invitation endpoints (Services API v2), served on the
 * same use cases as /api/v1: a partner's script that used them changes only its
 * base URL and its key. Field names, date format, statuses and the error shape
 * are that API's; the ids are ours (UUIDs).
 */

/** CertCentral's "yyyy-MM-dd HH:mm:ss", in UTC. */
export function certCentralDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/** Its statuses: ours, with its spelling of canceled. */
const STATUS_OUT: Record<DisplayStatus, string> = {
  pending: "pending",
  accepted: "accepted",
  expired: "expired",
  canceled: "cancelled",
};
const STATUS_IN: Record<string, DisplayStatus> = {
  pending: "pending",
  accepted: "accepted",
  expired: "expired",
  cancelled: "canceled",
  canceled: "canceled",
};

/** Its error codes, where it has one for the refusal; otherwise ours. */
const CODES: Partial<Record<ProblemCode, string>> = {
  unauthorized: "access_denied|invalid_api_key",
  forbidden: "access_denied|missing_permission",
  not_found: "not_found|invite",
  invitation_not_found: "not_found|invite",
  invalid_input: "invalid_request",
  malformed_json: "invalid_request|json",
  rate_limited: "too_many_requests",
};

function errorsResponse(
  status: number,
  errors: { code: string; message: string }[],
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify({ errors }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export const CERTCENTRAL_DIALECT: Dialect = {
  key: (request) => request.headers.get("x-dc-devkey")?.trim() || null,
  refusal(code, extra) {
    const { status: ours, title } = problemFor(code);
    // It answers input it cannot take with 400 (where /api/v1 says 422); other statuses are ours.
    const status = ours === 422 ? 400 : ours;
    const fields = extra.errors ?? [];
    const errors = fields.length
      ? fields.map((f) => ({
          code: `${CODES[code] ?? code}${f.pointer ? `|${f.pointer.replace(/^\//, "")}` : ""}`,
          message: `${title} (${f.code})`,
        }))
      : [{ code: CODES[code] ?? code, message: extra.detail ?? title }];
    return errorsResponse(status, errors, extra.headers);
  },
  refusalType: "application/json",
};

const inviteSchema = z.object({
  id: z.string(),
  email: z.string(),
  subaccount_type: z.enum(INVITABLE_TYPES),
  invite_note: z.string().nullable(),
  date_created: z.string(),
  last_sent_date: z.string(),
  status: z.string(),
});

// ---- POST /services/v2/account/subaccount/invite

export const certCentralInvite = endpoint({
  method: "post",
  path: "/account/subaccount/invite",
  operationId: "certCentralSendInvite",
  summary: "Send invite",
  tag: "CertCentral",
  permission: "invitations.create",
  body: z.object({
    emails: z.array(z.string().max(320)).min(1).max(INVITE_BATCH_MAX),
    subaccount_type: z.enum(INVITABLE_TYPES),
    invite_note: z.string().max(1000).nullish(),
  }),
  responses: { 204: { description: "Every address was invited" } },
  async handler({ body }, ctx) {
    const outcomes = await inviteEach(ctx, body.emails, {
      subaccountType: body.subaccount_type,
      // CertCentral has no language per invitation: the inviter's own, else English.
      locale: ctx.actor.locale ?? "en",
      customMessage: body.invite_note,
    });
    const refused = outcomes.filter((o) => o.code !== undefined);
    if (refused.length === 0) return { status: 204, body: null };
    // The others were invited; the refused ones are named, each with its reason.
    return {
      status: 400,
      body: {
        errors: refused.map((o) => ({
          code: CODES[o.code!] ?? o.code!,
          message: `${o.email}: ${problemFor(o.code!).title}`,
        })),
      },
    };
  },
});

// ---- GET /services/v2/account/subaccount/invite

const CERTCENTRAL_LIMIT_MAX = 1000;
/** How deep an offset may go: pages past it are for /api/v1's cursors. */
const CERTCENTRAL_OFFSET_MAX = 10_000;

const listQuery = z.object({
  "filters[status]": z.enum(["pending", "accepted", "expired", "cancelled", "canceled"]).optional(),
  "filters[search]": z.string().max(255).optional(),
  "filters[email]": z.string().max(254).optional(),
  "filters[subaccount_type]": z.enum(INVITABLE_TYPES).optional(),
  sort: z
    .enum(["last_sent_date", "-last_sent_date", "date_created", "-date_created"])
    .default("-last_sent_date"),
  offset: z.coerce.number().int().min(0).max(CERTCENTRAL_OFFSET_MAX).default(0),
  limit: z.coerce.number().int().min(1).max(CERTCENTRAL_LIMIT_MAX).default(CERTCENTRAL_LIMIT_MAX),
});

export const certCentralListInvites = endpoint({
  method: "get",
  path: "/account/subaccount/invite",
  operationId: "certCentralListInvites",
  summary: "List invites",
  tag: "CertCentral",
  permission: "invitations.view",
  query: listQuery,
  responses: {
    200: {
      description: "A page of invites",
      schema: z.object({ subaccount_invites: z.array(inviteSchema) }),
    },
  },
  async handler({ query }, ctx) {
    const search = query["filters[search]"];
    const contains = search?.startsWith("%") ? search.slice(1) : undefined;
    const exact =
      query["filters[email]"] ?? (search && !search.startsWith("%") ? search : undefined);
    const status = query["filters[status]"];
    const params = invitationListParams.parse({
      status: status ? STATUS_IN[status] : undefined,
      q: contains || undefined,
      email: exact,
      type: query["filters[subaccount_type]"],
      // Dates created and last sent order alike but for resends; both are served by the list's index.
      sort: query.sort.startsWith("-") ? "newest" : "oldest",
    });
    // The same query as Manage invitations, read as far as the offset reaches.
    const page = await listInvitations(ctx.db, ctx.actor.accountId, params, ctx.now, {
      size: query.offset + query.limit,
    });
    const rows = page.rows.slice(query.offset);
    const known = invitationListTotal(
      await invitationCounts(ctx.db, ctx.actor.accountId, ctx.now),
      params,
    );
    return {
      status: 200,
      body: {
        subaccount_invites: rows.map((r) => inviteOf({ ...r, displayStatus: r.status })),
        page: {
          // Where the counters do not know (a search), what this read has seen.
          total: known ?? query.offset + rows.length + (page.nextCursor ? 1 : 0),
          limit: query.limit,
          offset: query.offset,
        },
      },
    };
  },
});

function inviteOf(d: {
  id: string;
  email: string;
  subaccountType: string;
  customMessage: string | null;
  sentAt: Date;
  lastSentAt: Date;
  displayStatus: DisplayStatus;
}) {
  return {
    id: d.id,
    email: d.email,
    subaccount_type: d.subaccountType as (typeof INVITABLE_TYPES)[number],
    invite_note: d.customMessage,
    date_created: certCentralDate(d.sentAt),
    last_sent_date: certCentralDate(d.lastSentAt),
    status: STATUS_OUT[d.displayStatus],
  };
}

// ---- GET /services/v2/account/subaccount/{invite_id}

export const certCentralInviteInfo = endpoint({
  method: "get",
  path: "/account/subaccount/{invite_id}",
  operationId: "certCentralInviteInfo",
  summary: "Invite info",
  tag: "CertCentral",
  permission: "invitations.view",
  params: z.object({ invite_id: z.uuid() }),
  responses: { 200: { description: "The invite", schema: inviteSchema } },
  async handler({ params }, ctx) {
    const d = await getInvitationDetail(ctx.db, ctx.actor.accountId, params.invite_id, ctx.now);
    if (!d) throw new ApiProblem("invitation_not_found");
    return { status: 200, body: inviteOf(d) };
  },
});

/** Every CertCentral-compatible endpoint, under /services/v2. */
export const CERTCENTRAL_ENDPOINTS = [
  certCentralInvite,
  certCentralListInvites,
  certCentralInviteInfo,
];
