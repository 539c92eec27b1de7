import { z } from "zod";
import "zod-openapi";
import { INVITABLE_TYPES, INVITATION_EVENT_TYPES, LOCALES } from "@/lib/enums";
import {
  CUSTOM_MESSAGE_MAX,
  DISPLAY_STATUSES,
  EXPIRING_SOON_DAYS,
  EXTEND_DAYS,
  INVITATION_MAX_LIFETIME_DAYS,
  INVITATION_ORDERS,
} from "@/lib/invitations/constants";
import { newInvitationInput } from "@/lib/invitations/inputs";
import {
  getInvitationDetail,
  invitationListParams,
  listInvitations,
} from "@/lib/invitations/queries";
import { extendInvitation } from "@/lib/invitations/extend";
import { cancelInvitation, createInvitation, resendInvitation } from "@/lib/invitations/send";
import { sendAgain } from "@/lib/invitations/send-again";
import { changeInvitationTerms } from "@/lib/invitations/change-terms";
import { findInvitationTemplate, withTemplate } from "@/lib/invitations/templates";
import { apiTermsSchema, termsFromApi, termsToApi } from "./invitation-terms";
import { expiryFor } from "@/lib/invitations/status";
import { emailInput } from "@/lib/auth/inputs";
import { DomainError } from "@/lib/errors";
import { endpoint, type ApiContext } from "../endpoint";
import { invitationExample, invitationSummary, invitationSummaryOf } from "../resources";
import { ApiProblem, invalidFields } from "../http";
import { problemFor, type ProblemCode } from "../problems";
import {
  actorSchema,
  idParams,
  nullableTimestamp,
  pageAnswer,
  pageOf,
  pageQuery,
  problemSchema,
  timestamp,
} from "./common";

/** /api/v1/invitations: the Manage invitations of a script, on the same use cases and queries. */

const historyEntry = z.object({
  type: z.enum(INVITATION_EVENT_TYPES),
  at: timestamp,
  by: actorSchema,
  from: z.string().nullable().meta({
    description:
      "A corrected address: the one before; an extension: the expiry before; an invitation sent again from an earlier one (`created`): the earlier one's id",
  }),
  to: z.string().nullable().meta({
    description:
      "A corrected address: the new one; an extension: the new expiry; `sent_again`: the new invitation's id",
  }),
  reason: z
    .string()
    .nullable()
    .meta({ description: "Why an email bounced or failed, or an accept was refused" }),
});

export const invitationSchema = invitationSummary
  .extend({
    locale: z.enum(LOCALES),
    message: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    company: z.string().nullable(),
    sent_at: timestamp.meta({ description: "When it was first sent" }),
    send_count: z.number().int(),
    accepted_at: nullableTimestamp,
    subaccount_id: z
      .uuid()
      .nullable()
      .meta({ description: "The subaccount its acceptance created" }),
    canceled_at: nullableTimestamp,
    terms: apiTermsSchema
      .nullable()
      .meta({ description: "What the new subaccount starts with; null: the defaults" }),
    history: z.array(historyEntry).meta({ description: "Newest first" }),
  })
  .meta({
    id: "Invitation",
    example: {
      ...invitationExample,
      locale: "en",
      message: null,
      first_name: "Ann",
      last_name: null,
      company: "Example Ltd",
      sent_at: invitationExample.last_sent_at,
      send_count: 1,
      accepted_at: null,
      subaccount_id: null,
      canceled_at: null,
      terms: null,
      history: [
        {
          type: "created",
          at: invitationExample.last_sent_at,
          by: { name: "Ada Admin", api_key: "CRM" },
          from: null,
          to: null,
          reason: null,
        },
      ],
    },
  });

/** An invitation of the actor's account as the API shows it, or "not found". */
export async function invitationResource(
  ctx: Pick<ApiContext, "db" | "actor" | "now">,
  id: string,
) {
  const inv = await getInvitationDetail(ctx.db, ctx.actor.accountId, id, ctx.now);
  if (!inv) throw new ApiProblem("not_found");
  const resource: z.input<typeof invitationSchema> = {
    ...invitationSummaryOf({ ...inv, status: inv.displayStatus, sentBy: inv.sentByName }),
    locale: inv.locale,
    message: inv.customMessage,
    first_name: inv.inviteeFirstName,
    last_name: inv.inviteeLastName,
    company: inv.inviteeCompany,
    sent_at: inv.sentAt.toISOString(),
    send_count: inv.sendCount,
    accepted_at: inv.acceptedAt?.toISOString() ?? null,
    subaccount_id: inv.acceptedAccountId,
    canceled_at: inv.canceledAt?.toISOString() ?? null,
    terms: termsToApi(inv.terms),
    history: inv.events.map((e) => ({
      type: e.type,
      at: e.createdAt.toISOString(),
      by: { name: e.actorName, api_key: e.apiKeyName },
      from: e.from || null,
      to: e.to || null,
      reason: e.reason,
    })),
  };
  return resource;
}

// ---- POST /invitations

export const INVITE_BATCH_MAX = 100;

const inviteBody = z
  .strictObject({
    emails: z
      .array(z.string().max(320))
      .min(1)
      .max(INVITE_BATCH_MAX)
      .meta({
        description: `1 to ${INVITE_BATCH_MAX} addresses; each is invited, or refused, on its own`,
      }),
    template_id: z.uuid().optional().meta({
      description:
        "One of the account's invitation templates: what the request leaves out (type, language, message, terms) it fills in",
    }),
    subaccount_type: z
      .enum(INVITABLE_TYPES)
      .optional()
      .meta({ description: "Required without a template" }),
    locale: z.enum(LOCALES).optional().meta({
      description: "The language of the email and the accept page; required without a template",
    }),
    message: z
      .string()
      .max(CUSTOM_MESSAGE_MAX)
      .nullish()
      .meta({ description: "A personal message in the email (null: none, even with a template)" }),
    first_name: z.string().max(100).nullish(),
    last_name: z.string().max(100).nullish(),
    company: z.string().max(200).nullish(),
    terms: apiTermsSchema.optional(),
  })
  .refine((body) => body.template_id || (body.subaccount_type && body.locale), {
    message: "subaccount_type and locale are required without template_id",
    path: ["subaccount_type"],
  })
  .meta({
    id: "NewInvitations",
    example: {
      emails: ["ann@example.com", "bob@example.com"],
      subaccount_type: "enterprise",
      locale: "en",
    },
  });

const problemBrief = problemSchema.pick({
  type: true,
  title: true,
  status: true,
  code: true,
  errors: true,
});

const inviteResult = z.discriminatedUnion("result", [
  z.object({ email: z.string(), result: z.literal("created"), invitation: invitationSummary }),
  z.object({ email: z.string(), result: z.literal("refused"), problem: problemBrief }),
]);

const inviteAnswer = z
  .object({
    created: z.number().int(),
    refused: z.number().int(),
    results: z.array(inviteResult).meta({ description: "One per address, in the order given" }),
  })
  .meta({ id: "InvitationResults" });

function refusal(code: ProblemCode, errors?: ReturnType<typeof invalidFields>) {
  const { type, title, status } = problemFor(code);
  return { type, title, status, code, ...(errors ? { errors } : {}) };
}

export const createInvitations = endpoint({
  method: "post",
  path: "/invitations",
  operationId: "createInvitations",
  summary: "Invite one or more addresses",
  description:
    "Each address is invited on its own, with the same limits, emails and history as in the browser: one refused address (a duplicate, a bad address, the hourly limit) leaves the others unaffected. Honours `Idempotency-Key`.",
  tag: "Invitations",
  permission: "invitations.create",
  body: inviteBody,
  responses: { 200: { description: "One result per address", schema: inviteAnswer } },
  async handler({ body }, ctx) {
    const template = body.template_id
      ? await findInvitationTemplate(ctx.db, ctx.actor.accountId, { id: body.template_id })
      : null;
    if (body.template_id && !template) throw new ApiProblem("template_not_found");
    const shared = withTemplate(template, {
      subaccountType: body.subaccount_type,
      locale: body.locale,
      customMessage: body.message,
      firstName: body.first_name,
      lastName: body.last_name,
      company: body.company,
      terms: body.terms ? termsFromApi(body.terms) : undefined,
    });
    const outcomes = await inviteEach(ctx, body.emails, shared);
    const results: z.input<typeof inviteResult>[] = outcomes.map((o) =>
      o.code === undefined
        ? {
            email: o.email,
            result: "created",
            invitation: invitationSummaryOf({
              id: o.id,
              email: o.email,
              status: "pending",
              deliveryStatus: "sending",
              subaccountType: shared.subaccountType!,
              sentBy: ctx.actor.name,
              lastSentAt: ctx.now,
              expiresAt: expiryFor(ctx.now),
            }),
          }
        : { email: o.email, result: "refused", problem: refusal(o.code, o.errors) },
    );
    const created = outcomes.filter((o) => o.id).length;
    return { status: 200, body: { created, refused: results.length - created, results } };
  },
});

export type InviteOutcome =
  | { email: string; id: string; code?: undefined; errors?: undefined }
  | { email: string; id?: undefined; code: ProblemCode; errors?: ReturnType<typeof invalidFields> };

/**
 * Invites each address on its own through the one use case, in order: a bad
 * address or a refusal (a duplicate, the hourly limit) is that address's
 * outcome, and the others go on. Anything unexpected fails the request.
 */
export async function inviteEach(
  ctx: Pick<ApiContext, "db" | "actor" | "now" | "deps">,
  emails: string[],
  /** Checked with each address: a type or language left out is that address's invalid input. */
  shared: Partial<Omit<z.input<typeof newInvitationInput>, "email">>,
): Promise<InviteOutcome[]> {
  const outcomes: InviteOutcome[] = [];
  for (const email of emails) {
    const parsed = newInvitationInput.safeParse({ ...shared, email });
    if (!parsed.success) {
      outcomes.push({ email, code: "invalid_input", errors: invalidFields(parsed.error, "body") });
      continue;
    }
    try {
      const { id } = await createInvitation(ctx.db, ctx.actor, parsed.data, ctx.now, ctx.deps);
      outcomes.push({ email: parsed.data.email, id });
    } catch (error) {
      // The key may not invite at all: that is the whole request's answer, not one address's.
      if (!(error instanceof DomainError) || error.code === "forbidden") throw error;
      outcomes.push({ email, code: error.code as ProblemCode });
    }
  }
  return outcomes;
}

// ---- GET /invitations

const listQuery = z.strictObject({
  status: z
    .enum(DISPLAY_STATUSES)
    .optional()
    .meta({ description: "Expired includes pending ones past their expiry" }),
  delivery: z
    .enum(["problems"])
    .optional()
    .meta({ description: "Only those whose latest email bounced or failed" }),
  expiring: z
    .enum(["soon"])
    .optional()
    .meta({ description: `Only pending ones expiring within the next ${EXPIRING_SOON_DAYS} days` }),
  q: z.string().trim().min(1).max(254).optional().meta({ description: "Part of the address" }),
  subaccount_type: z.enum(INVITABLE_TYPES).optional(),
  sent_from: timestamp.optional().meta({ description: "Last sent at or after" }),
  sent_until: timestamp.optional().meta({ description: "Last sent before" }),
  order: z
    .enum(INVITATION_ORDERS)
    .default("newest")
    .meta({ description: "By date last sent, or (with status pending or expired) by expiry" }),
  ...pageQuery,
});

export const listInvitationsEndpoint = endpoint({
  method: "get",
  path: "/invitations",
  operationId: "listInvitations",
  summary: "List invitations",
  description:
    "The query of Manage invitations, a page at a time by cursor; also as fast at a million invitations. The `Link` header names the next page.",
  tag: "Invitations",
  permission: "invitations.view",
  query: listQuery,
  responses: {
    200: {
      description: "A page of invitations",
      schema: pageOf(invitationSummary, "InvitationPage"),
    },
  },
  async handler({ query }, ctx) {
    const params = invitationListParams.parse({
      status: query.status,
      delivery: query.delivery,
      expiring: query.expiring,
      q: query.q,
      type: query.subaccount_type,
      sentFrom: query.sent_from,
      sentUntil: query.sent_until,
      sort: query.order,
      after: query.cursor,
    });
    const page = await listInvitations(ctx.db, ctx.actor.accountId, params, ctx.now, {
      size: query.limit,
    });
    return pageAnswer(ctx.url, page, (row) =>
      invitationSummaryOf({ ...row, deliveryStatus: row.deliveryStatus }),
    );
  },
});

// ---- GET /invitations/{id} and its actions

export const getInvitationEndpoint = endpoint({
  method: "get",
  path: "/invitations/{id}",
  operationId: "getInvitation",
  summary: "An invitation, with its history and delivery",
  tag: "Invitations",
  permission: "invitations.view",
  params: idParams,
  responses: { 200: { description: "The invitation", schema: invitationSchema } },
  async handler({ params }, ctx) {
    return { status: 200, body: await invitationResource(ctx, params.id) };
  },
});

export const resendInvitationEndpoint = endpoint({
  method: "post",
  path: "/invitations/{id}/resend",
  operationId: "resendInvitation",
  summary: "Send an invitation again",
  description:
    "A new link (the old one stops working) and a new 30-day window; for pending and expired invitations.",
  tag: "Invitations",
  permission: "invitations.resend",
  params: idParams,
  responses: { 200: { description: "The invitation as it is now", schema: invitationSchema } },
  async handler({ params }, ctx) {
    await resendInvitation(ctx.db, ctx.actor, { id: params.id }, ctx.now, ctx.deps);
    return { status: 200, body: await invitationResource(ctx, params.id) };
  },
});

export const cancelInvitationEndpoint = endpoint({
  method: "post",
  path: "/invitations/{id}/cancel",
  operationId: "cancelInvitation",
  summary: "Cancel an invitation",
  description: "Its link stops working; for pending and expired invitations.",
  tag: "Invitations",
  permission: "invitations.cancel",
  params: idParams,
  responses: { 200: { description: "The invitation as it is now", schema: invitationSchema } },
  async handler({ params }, ctx) {
    await cancelInvitation(ctx.db, ctx.actor, { id: params.id }, ctx.now);
    return { status: 200, body: await invitationResource(ctx, params.id) };
  },
});

export const extendInvitationEndpoint = endpoint({
  method: "post",
  path: "/invitations/{id}/extend",
  operationId: "extendInvitation",
  summary: `Extend an invitation by ${EXTEND_DAYS} days`,
  description: `The same link (no new email) and an expiry ${EXTEND_DAYS} days later, never more than ${INVITATION_MAX_LIFETIME_DAYS} days after it was first sent; for pending invitations. Refused with \`invitation_not_extendable\` for a closed one and \`invitation_extension_limit\` at the ceiling.`,
  tag: "Invitations",
  permission: "invitations.resend",
  params: idParams,
  responses: { 200: { description: "The invitation as it is now", schema: invitationSchema } },
  async handler({ params }, ctx) {
    await extendInvitation(ctx.db, ctx.actor, { id: params.id }, ctx.now);
    return { status: 200, body: await invitationResource(ctx, params.id) };
  },
});

export const changeInvitationTermsEndpoint = endpoint({
  method: "put",
  path: "/invitations/{id}/terms",
  operationId: "changeInvitationTerms",
  summary: "Replace a pending invitation's terms",
  description:
    "The whole set (null: the defaults again), recorded in its history. Each part that changes takes the right to set it on a subaccount; parts left as they are take none. An acceptance at the same moment gets the terms before or after, never a mix. Refused with `invitation_not_pending` once it is closed.",
  tag: "Invitations",
  permission: "invitations.editTerms",
  params: idParams,
  body: z.strictObject({ terms: apiTermsSchema.nullable() }).meta({ id: "InvitationTermsChange" }),
  responses: { 200: { description: "The invitation as it is now", schema: invitationSchema } },
  async handler({ params, body }, ctx) {
    await changeInvitationTerms(
      ctx.db,
      ctx.actor,
      { id: params.id, terms: termsFromApi(body.terms) },
      ctx.now,
    );
    return { status: 200, body: await invitationResource(ctx, params.id) };
  },
});

export const sendAgainEndpoint = endpoint({
  method: "post",
  path: "/invitations/{id}/send_again",
  operationId: "sendInvitationAgain",
  summary: "Send an expired or canceled invitation again, as a new one",
  description:
    "A new invitation to the same address, with the same type, language, message and invitee, under the account's hourly limit; the old one stays as it is, its history naming the new one. Refused with `invitation_not_sendable_again` for a pending or accepted one.",
  tag: "Invitations",
  permission: "invitations.create",
  params: idParams,
  responses: { 201: { description: "The new invitation", schema: invitationSchema } },
  async handler({ params }, ctx) {
    const { id } = await sendAgain(ctx.db, ctx.actor, { id: params.id }, ctx.now, ctx.deps);
    return {
      status: 201,
      body: await invitationResource(ctx, id),
      location: `/api/v1/invitations/${id}`,
    };
  },
});

export const correctAddressEndpoint = endpoint({
  method: "post",
  path: "/invitations/{id}/correct_address",
  operationId: "correctInvitationAddress",
  summary: "Correct the address and send again",
  description: "Only after the last email bounced or failed.",
  tag: "Invitations",
  permission: "invitations.resend",
  params: idParams,
  body: z
    .strictObject({ email: z.string().max(320) })
    .meta({ id: "CorrectedAddress", example: { email: "ann@example.org" } }),
  responses: { 200: { description: "The invitation as it is now", schema: invitationSchema } },
  async handler({ params, body }, ctx) {
    const email = emailInput.safeParse(body.email);
    if (!email.success)
      throw new ApiProblem("invalid_input", {
        errors: [{ in: "body", pointer: "/email", code: "invalid_email" }],
      });
    await resendInvitation(
      ctx.db,
      ctx.actor,
      { id: params.id, email: email.data },
      ctx.now,
      ctx.deps,
    );
    return { status: 200, body: await invitationResource(ctx, params.id) };
  },
});
