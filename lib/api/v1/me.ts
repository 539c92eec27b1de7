import { z } from "zod";
import "zod-openapi";
import { ACCOUNT_TYPES, API_KEY_SCOPES } from "@/lib/enums";
import { endpoint } from "../endpoint";
import { INVITE_BATCH_MAX } from "./invitations";

export const meEndpoint = endpoint({
  method: "get",
  path: "/me",
  operationId: "getMe",
  summary: "The key: its account, scope and limits",
  tag: "Keys",
  permission: "signed-in",
  responses: {
    200: {
      description: "What this key is",
      schema: z
        .object({
          account: z.object({ id: z.uuid(), name: z.string(), type: z.enum(ACCOUNT_TYPES) }),
          key: z.object({
            id: z.uuid(),
            name: z.string(),
            scope: z.enum(API_KEY_SCOPES),
            acts_as: z.string().meta({ description: "The Administrator whose rights the key has" }),
          }),
          limits: z.object({
            requests_per_minute: z.number().int(),
            invitations_per_hour: z.number().int(),
            invitations_per_request: z.number().int(),
          }),
        })
        .meta({
          id: "Me",
          example: {
            account: {
              id: "7d7e2b1c-0a4f-4c55-9d3e-1f2a3b4c5d6e",
              name: "Hopper Security",
              type: "reseller",
            },
            key: {
              id: "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
              name: "CRM",
              scope: "write",
              acts_as: "Ada Admin",
            },
            limits: {
              requests_per_minute: 600,
              invitations_per_hour: 200,
              invitations_per_request: 100,
            },
          },
        }),
    },
  },
  async handler(_input, { actor, deps }) {
    return {
      status: 200,
      body: {
        account: { id: actor.accountId, name: actor.accountName, type: actor.accountType },
        key: {
          id: actor.apiKey!.id,
          name: actor.apiKey!.name,
          scope: actor.apiKey!.scope,
          acts_as: actor.name,
        },
        limits: {
          requests_per_minute: deps.requestsPerMinute,
          invitations_per_hour: deps.invitationsPerHour,
          invitations_per_request: INVITE_BATCH_MAX,
        },
      },
    };
  },
});
