import { z } from "zod";
import "zod-openapi";
import { ORGANIZATION_FIELD_NAMES } from "@/lib/accounts/organization-fields";
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  BILLING_MODES,
  CONTRACT_STATUSES,
  INVITABLE_TYPES,
  LOCALES,
  PRICING_MODES,
} from "@/lib/enums";
import { createSubaccount } from "@/lib/subaccounts/create";
import {
  newSubaccountInput,
  productTermsInput,
  subaccountDetailsInput,
} from "@/lib/subaccounts/inputs";
import { setSubaccountStatus, updateProductTerms } from "@/lib/subaccounts/manage";
import {
  getSubaccountDetail,
  listSubaccounts,
  subaccountListParams,
} from "@/lib/subaccounts/queries";
import { subaccountListScope } from "@/lib/subaccounts/rules";
import { updateSubaccount, type SubaccountChanges } from "@/lib/subaccounts/update";
import { type ApiContext, endpoint } from "../endpoint";
import { subaccountExample, subaccountSummary, subaccountSummaryOf } from "../resources";
import { ApiProblem, invalidFields } from "../http";
import { camelKeys, snakeShape } from "./case";
import { apiProductTerm, idParams, pageAnswer, pageOf, pageQuery } from "./common";

/** /api/v1/subaccounts: the parent's subaccounts, on the use cases of the subaccount pages. */

const organizationShape = snakeShape(subaccountDetailsInput.shape);
const organizationSchema = z.object(
  Object.fromEntries(Object.keys(organizationShape).map((k) => [k, z.string().nullable()])),
);

const exampleOrganization = {
  name: "Globex",
  nickname: "Globex (key account)",
  address_line1: "1 Globex Way",
  address_line2: null,
  city: "Cypress Creek",
  region: null,
  postal_code: "90210",
  country: "US",
  phone: null,
  contact_first_name: "Hank",
  contact_last_name: "Scorpio",
  contact_email: "hank@globex.example",
  contact_phone: null,
};

const productSchema = z.object({
  product_id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  currency: z.string(),
  list_price_cents: z.number().int(),
  price_cents: z.number().int().meta({ description: "What the subaccount pays" }),
  custom_price_cents: z.number().int().nullable(),
  available: z.boolean(),
});

export const subaccountSchema = subaccountSummary
  .extend({
    organization: organizationSchema,
    allowed_subaccount_types: z.array(z.enum(INVITABLE_TYPES)),
    account_manager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    contract: z
      .object({ id: z.uuid(), name: z.string(), status: z.enum(CONTRACT_STATUSES).nullable() })
      .nullable(),
    terms_locked: z
      .boolean()
      .meta({ description: "Billing, pricing and products are locked by a running contract" }),
    invitation_id: z.uuid().nullable().meta({ description: "The invitation it was created from" }),
    products: z.array(productSchema),
  })
  .meta({
    id: "Subaccount",
    example: {
      ...subaccountExample,
      organization: exampleOrganization,
      allowed_subaccount_types: [],
      account_manager: { id: "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", name: "Ada Admin" },
      contract: null,
      terms_locked: false,
      invitation_id: null,
      products: [
        {
          product_id: "6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0",
          sku: "ssl-ov",
          name: "OV SSL",
          currency: "USD",
          list_price_cents: 29900,
          price_cents: 24900,
          custom_price_cents: 24900,
          available: true,
        },
      ],
    },
  });

/** A direct subaccount of the key's account as the API shows it, or "not found". */
async function subaccountResource(ctx: Pick<ApiContext, "db" | "actor" | "now">, id: string) {
  const sub = await getSubaccountDetail(ctx.db, ctx.actor.accountId, id, ctx.now);
  if (!sub) throw new ApiProblem("not_found");
  const organization = Object.fromEntries(
    [...ORGANIZATION_FIELD_NAMES, "nickname" as const].map((name) => [
      name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      sub[name] ?? null,
    ]),
  );
  const resource: z.input<typeof subaccountSchema> = {
    ...subaccountSummaryOf(sub),
    organization,
    allowed_subaccount_types: sub.allowedSubaccountTypes.filter((t) => t !== "managed") as never,
    account_manager:
      sub.accountManagerId && sub.managerName
        ? { id: sub.accountManagerId, name: sub.managerName }
        : null,
    contract:
      sub.contractId && sub.contractName
        ? { id: sub.contractId, name: sub.contractName, status: sub.contractStatus }
        : null,
    terms_locked: sub.termsLocked,
    invitation_id: sub.invitation?.id ?? null,
    products: sub.prices.map((p) => ({
      product_id: p.productId,
      sku: p.sku,
      name: p.name,
      currency: p.currency,
      list_price_cents: p.standardPriceCents,
      price_cents: p.priceCents,
      custom_price_cents: p.customPriceCents,
      available: p.available,
    })),
  };
  return resource;
}

// ---- GET /subaccounts

const listQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Part of the name or nickname, or the account ID" }),
  type: z.enum(ACCOUNT_TYPES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  order: z.enum(["newest", "oldest"]).default("newest"),
  ...pageQuery,
});

export const listSubaccountsEndpoint = endpoint({
  method: "get",
  path: "/subaccounts",
  operationId: "listSubaccounts",
  summary: "List subaccounts",
  description: "The account's direct subaccounts, a page at a time by cursor.",
  tag: "Subaccounts",
  permission: "subaccounts.view",
  query: listQuery,
  responses: {
    200: {
      description: "A page of subaccounts",
      schema: pageOf(subaccountSummary, "SubaccountPage"),
    },
  },
  async handler({ query }, ctx) {
    const params = subaccountListParams.parse({
      q: query.q,
      type: query.type,
      status: query.status,
      sort: query.order,
      after: query.cursor,
    });
    const page = await listSubaccounts(
      ctx.db,
      ctx.actor.accountId,
      params,
      subaccountListScope(ctx.actor),
      {
        size: query.limit,
      },
    );
    return pageAnswer(ctx.url, page, subaccountSummaryOf);
  },
});

export const getSubaccountEndpoint = endpoint({
  method: "get",
  path: "/subaccounts/{id}",
  operationId: "getSubaccount",
  summary: "A subaccount, with its terms and products",
  tag: "Subaccounts",
  permission: "subaccounts.view",
  params: idParams,
  responses: { 200: { description: "The subaccount", schema: subaccountSchema } },
  async handler({ params }, ctx) {
    return { status: 200, body: await subaccountResource(ctx, params.id) };
  },
});

// ---- POST /subaccounts

const administratorBody = z.strictObject({
  first_name: z.string().max(100),
  last_name: z.string().max(100),
  email: z.string().max(254),
  username: z.string().max(64),
  locale: z.enum(LOCALES),
});

const createBody = z
  .strictObject({
    ...organizationShape,
    type: z.enum(ACCOUNT_TYPES),
    billing: z.enum(BILLING_MODES),
    pricing: z.enum(PRICING_MODES),
    allowed_subaccount_types: z
      .array(z.enum(INVITABLE_TYPES))
      .max(INVITABLE_TYPES.length)
      .optional(),
    administrator: administratorBody.nullish().meta({
      description:
        "The first Administrator, who gets an email to choose a password; none for Managed",
    }),
    api_key_name: z.string().trim().min(1).max(64).optional().meta({
      description: "Managed only: the name of the subaccount's own first key (default “Managed”)",
    }),
  })
  .meta({
    id: "NewSubaccount",
    example: {
      ...exampleOrganization,
      type: "managed",
      billing: "bill_to_parent",
      pricing: "standard",
    },
  });

const createdSchema = subaccountSchema
  .extend({
    api_key: z.string().optional().meta({
      description: "Managed only: the subaccount's own key (`cp_live_…`), shown this once",
    }),
  })
  .meta({ id: "CreatedSubaccount" });

export const createSubaccountEndpoint = endpoint({
  method: "post",
  path: "/subaccounts",
  operationId: "createSubaccount",
  summary: "Create a subaccount of any type",
  description:
    "Configured before anyone has access. Every type but Managed needs its first Administrator, who gets an email with a link to choose a password. A Managed subaccount has no one to sign in: the answer carries its own API key, once. Honours `Idempotency-Key`.",
  tag: "Subaccounts",
  permission: "subaccounts.create",
  body: createBody,
  responses: { 201: { description: "The new subaccount", schema: createdSchema } },
  async handler({ body }, ctx) {
    const { administrator, allowed_subaccount_types, api_key_name, ...rest } = body;
    const parsed = newSubaccountInput.safeParse({
      ...camelKeys(rest),
      allowedSubaccountTypes: allowed_subaccount_types ?? [],
      administrator: administrator ? camelKeys(administrator) : null,
    });
    if (!parsed.success)
      throw new ApiProblem("invalid_input", { errors: snakeFields(parsed.error) });
    const managed = parsed.data.type === "managed";
    const created = await createSubaccount(
      ctx.db,
      ctx.actor,
      {
        subaccount: parsed.data,
        ...(managed ? { managedKey: { name: api_key_name ?? "Managed" } } : {}),
      },
      ctx.now,
      ctx.deps,
    );
    const resource = await subaccountResource(ctx, created.id);
    return {
      status: 201,
      body: created.apiKey ? { ...resource, api_key: created.apiKey } : resource,
      // The key is shown once: a retry gets the subaccount, never the key again.
      replayBody: resource,
      location: `/api/v1/subaccounts/${created.id}`,
    };
  },
});

/** zod's findings about the domain's camelCase input, pointed at the body's snake_case fields. */
function snakeFields(error: z.ZodError) {
  return invalidFields(error, "body").map((f) => ({
    ...f,
    pointer: f.pointer.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  }));
}

// ---- PATCH /subaccounts/{id}

const optionalOrganization = Object.fromEntries(
  Object.entries(organizationShape).map(([k, v]) => [k, v.optional()]),
) as { [K in keyof typeof organizationShape]: z.ZodOptional<(typeof organizationShape)[K]> };

const patchBody = z
  .strictObject({
    ...optionalOrganization,
    billing: z.enum(BILLING_MODES).optional(),
    pricing: z.enum(PRICING_MODES).optional(),
    account_manager_id: z
      .uuid()
      .nullable()
      .optional()
      .meta({ description: "A user of the account, or null for none" }),
    allowed_subaccount_types: z
      .array(z.enum(INVITABLE_TYPES))
      .max(INVITABLE_TYPES.length)
      .optional(),
  })
  .refine((changes) => Object.values(changes).some((v) => v !== undefined), {
    message: "v.nothing_to_change",
  })
  .meta({
    id: "SubaccountChanges",
    description:
      "Only the fields given change; all of them or none (one refusal leaves everything as it was).",
    example: {
      nickname: "Globex (renewal due)",
      billing: "bill_to_subaccount",
      pricing: "standard",
    },
  });

export const updateSubaccountEndpoint = endpoint({
  method: "patch",
  path: "/subaccounts/{id}",
  operationId: "updateSubaccount",
  summary: "Change a subaccount",
  description:
    "Its organization, contact and nickname, its billing and pricing (unless a contract locks them; give both), its account manager and the types it may create in turn, each with the permission the browser asks for. Honours `Idempotency-Key`.",
  tag: "Subaccounts",
  permission: "subaccounts.view",
  params: idParams,
  body: patchBody,
  responses: { 200: { description: "The subaccount as it is now", schema: subaccountSchema } },
  async handler({ params, body }, ctx) {
    const { billing, pricing, account_manager_id, allowed_subaccount_types, ...details } = body;
    const changes: SubaccountChanges = {};
    // Only what is given: the use cases keep the rest as they find it under lock.
    if (billing !== undefined || pricing !== undefined) changes.terms = { billing, pricing };
    if (account_manager_id !== undefined) changes.accountManagerId = account_manager_id;
    if (allowed_subaccount_types !== undefined)
      changes.allowedSubaccountTypes = allowed_subaccount_types;
    const given = Object.entries(details).filter(([, v]) => v !== undefined);
    if (given.length > 0) changes.details = camelKeys(Object.fromEntries(given));
    await updateSubaccount(ctx.db, ctx.actor, { id: params.id, changes }, ctx.now);
    return { status: 200, body: await subaccountResource(ctx, params.id) };
  },
});

// ---- PUT /subaccounts/{id}/products

const productsBody = z
  .strictObject({
    products: z.array(apiProductTerm).max(500),
  })
  .meta({
    id: "ProductTerms",
    description: "The whole list: a product left out goes back to its list price and is available.",
    example: {
      products: [
        { product_id: "6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0", price_cents: 24900, available: true },
      ],
    },
  });

export const putProductsEndpoint = endpoint({
  method: "put",
  path: "/subaccounts/{id}/products",
  operationId: "putSubaccountProducts",
  summary: "Set a subaccount's prices and product availability",
  description:
    "Custom prices count while its pricing is custom; refused while a contract locks its terms.",
  tag: "Subaccounts",
  permission: "subaccounts.editPricing",
  params: idParams,
  body: productsBody,
  responses: { 200: { description: "The subaccount as it is now", schema: subaccountSchema } },
  async handler({ params, body }, ctx) {
    const current = await subaccountResource(ctx, params.id);
    const given = new Map(body.products.map((p) => [p.product_id, p]));
    const terms = productTermsInput.safeParse([
      ...body.products.map((p) => ({
        productId: p.product_id,
        priceCents: p.price_cents,
        available: p.available,
      })),
      ...current.products
        .filter((p) => !given.has(p.product_id))
        .map((p) => ({ productId: p.product_id, priceCents: null, available: true })),
    ]);
    if (!terms.success)
      throw new ApiProblem("invalid_input", {
        errors: invalidFields(terms.error, "body").map((f) => ({
          ...f,
          pointer: `/products${f.pointer}`,
        })),
      });
    await updateProductTerms(ctx.db, ctx.actor, { id: params.id, terms: terms.data }, ctx.now);
    return { status: 200, body: await subaccountResource(ctx, params.id) };
  },
});

function statusEndpoint(status: "active" | "deactivated") {
  const deactivate = status === "deactivated";
  return endpoint({
    method: "post",
    path: `/subaccounts/{id}/${deactivate ? "deactivate" : "reactivate"}`,
    operationId: deactivate ? "deactivateSubaccount" : "reactivateSubaccount",
    summary: deactivate ? "Deactivate a subaccount" : "Reactivate a subaccount",
    description: deactivate
      ? "Its users, and those of every account below it, are signed out at once and cannot sign in; its keys stop working."
      : "Its users may sign in again.",
    tag: "Subaccounts",
    permission: "subaccounts.changeStatus",
    params: idParams,
    responses: { 200: { description: "The subaccount as it is now", schema: subaccountSchema } },
    async handler({ params }, ctx) {
      await setSubaccountStatus(ctx.db, ctx.actor, { id: params.id, status }, ctx.now);
      return { status: 200, body: await subaccountResource(ctx, params.id) };
    },
  });
}

export const deactivateSubaccountEndpoint = statusEndpoint("deactivated");
export const reactivateSubaccountEndpoint = statusEndpoint("active");
