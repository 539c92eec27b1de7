import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import type { AnyEndpoint } from "../endpoint";
import { IDEMPOTENCY_WINDOW_HOURS } from "../idempotency";
import { problemFor, type ProblemCode } from "../problems";
import { problemSchema } from "./common";
import {
  cancelInvitationEndpoint,
  correctAddressEndpoint,
  createInvitations,
  extendInvitationEndpoint,
  changeInvitationTermsEndpoint,
  getInvitationEndpoint,
  listInvitationsEndpoint,
  resendInvitationEndpoint,
  sendAgainEndpoint,
} from "./invitations";
import { listEventsEndpoint } from "./events";
import { meEndpoint } from "./me";
import { WEBHOOK_ENDPOINTS } from "./webhooks";
import { BATCH_ENDPOINTS } from "./invitation-batches";
import { INVITATION_SETTINGS_ENDPOINTS } from "./invitation-settings";
import {
  createSubaccountEndpoint,
  deactivateSubaccountEndpoint,
  getSubaccountEndpoint,
  listSubaccountsEndpoint,
  putProductsEndpoint,
  reactivateSubaccountEndpoint,
  updateSubaccountEndpoint,
} from "./subaccounts";

/** Every operation of /api/v1, in the order the reference shows them. */
export const ENDPOINTS: AnyEndpoint[] = [
  meEndpoint,
  createInvitations,
  listInvitationsEndpoint,
  getInvitationEndpoint,
  resendInvitationEndpoint,
  cancelInvitationEndpoint,
  extendInvitationEndpoint,
  changeInvitationTermsEndpoint,
  sendAgainEndpoint,
  correctAddressEndpoint,
  ...INVITATION_SETTINGS_ENDPOINTS,
  listSubaccountsEndpoint,
  createSubaccountEndpoint,
  getSubaccountEndpoint,
  updateSubaccountEndpoint,
  putProductsEndpoint,
  deactivateSubaccountEndpoint,
  reactivateSubaccountEndpoint,
  listEventsEndpoint,
  ...WEBHOOK_ENDPOINTS,
  ...BATCH_ENDPOINTS,
];

const problemContent = { "application/problem+json": { schema: problemSchema } };

function problemResponse(code: ProblemCode) {
  return { description: problemFor(code).title, content: problemContent };
}

const rateLimitHeaders = {
  RateLimit: {
    description:
      'What is left of this key\'s limit, and the seconds until it resets: `"default";r=599;t=42`',
    schema: { type: "string" as const },
  },
  "RateLimit-Policy": {
    description: 'The limit: `"default";q=600;w=60` (600 requests a 60-second window)',
    schema: { type: "string" as const },
  },
};

function operation(spec: AnyEndpoint): ZodOpenApiOperationObject {
  const writes = spec.method === "post" || spec.method === "patch";
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status] = {
      description: response.description,
      headers: rateLimitHeaders,
      ...(response.schema
        ? { content: { "application/json": { schema: response.schema } } }
        : response.mediaType
          ? { content: { [response.mediaType]: { schema: { type: "string" as const } } } }
          : {}),
    };
  }
  const refusals: ProblemCode[] = ["unauthorized", "rate_limited"];
  if (spec.permission !== "signed-in") refusals.push("forbidden");
  if (spec.params) refusals.push("not_found");
  if (spec.query || spec.body) refusals.push("invalid_input");
  if (spec.body) refusals.push("malformed_json", "payload_too_large", "unsupported_media_type");
  if (writes) refusals.push("idempotency_in_progress");
  for (const code of refusals) {
    const status = String(problemFor(code).status);
    responses[status] ??= problemResponse(code);
  }
  responses.default = { description: "Any other refusal, as a problem", content: problemContent };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    ...(spec.params || spec.query
      ? {
          requestParams: {
            ...(spec.params ? { path: spec.params } : {}),
            ...(spec.query ? { query: spec.query } : {}),
          },
        }
      : {}),
    ...(writes
      ? {
          parameters: [
            {
              in: "header" as const,
              name: "Idempotency-Key",
              required: false,
              description: `Retrying with the same key within ${IDEMPOTENCY_WINDOW_HOURS} hours answers the first response again and changes nothing twice`,
              schema: { type: "string" as const, maxLength: 255 },
            },
          ],
        }
      : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: spec.body },
              ...(spec.csvBody
                ? {
                    "text/csv": {
                      schema: { type: "string" as const, description: spec.csvBody.description },
                    },
                  }
                : {}),
            },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the same schemas that check each request. */
export function apiDocument(serverUrl: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const spec of ENDPOINTS) {
    paths[spec.path] = { ...paths[spec.path], [spec.method]: operation(spec) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "CertPortal API",
      version: "1.0.0",
      description:
        "Invitations and subaccounts for a partner's scripts, with the permissions, limits, history and emails of the browser. Authenticate with `Authorization: Bearer cp_live_…` (a key from Account → API keys).",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key: cp_live_…" },
      },
    },
    paths,
  });
}
