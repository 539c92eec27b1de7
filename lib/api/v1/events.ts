import { z } from "zod";
import "zod-openapi";
import { EVENT_TYPES } from "@/lib/enums";
import { EVENT_SETTLE_SECONDS, listEvents } from "@/lib/events/queries";
import { endpoint } from "../endpoint";
import {
  invitationExample,
  invitationSummary,
  subaccountExample,
  subaccountSummary,
} from "../resources";
import { pageQuery, timestamp } from "./common";

/** /api/v1/events: what happened, for a system that asks rather than being called. */

export const invitationEventData = invitationSummary
  .extend({
    subaccount_id: z
      .uuid()
      .nullable()
      .meta({ description: "The subaccount its acceptance created" }),
  })
  .meta({
    id: "InvitationEventData",
    description: "The invitation as it stood once the change was made",
    example: { ...invitationExample, subaccount_id: null },
  });

export const eventSchema = z
  .object({
    id: z.uuid().meta({ description: "The same in every webhook delivery of the event" }),
    type: z.enum(EVENT_TYPES),
    created_at: timestamp,
    data: z.union([invitationEventData, subaccountSummary]).meta({
      description:
        "An invitation (for `invitation.*`) or a subaccount (for `subaccount.*`), as the API shows it",
    }),
  })
  .meta({
    id: "Event",
    example: {
      id: "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
      type: "subaccount.created",
      created_at: subaccountExample.created_at,
      data: subaccountExample,
    },
  });

const typesParam = z
  .string()
  .max(1000)
  .transform((value) => value.split(",").map((type) => type.trim()))
  .pipe(z.array(z.enum(EVENT_TYPES)))
  .optional()
  .meta({
    description: "Only these types, comma-separated: `invitation.accepted,invitation.expired`",
  });

const listQuery = z.strictObject({
  types: typesParam,
  since: timestamp.optional().meta({ description: "At or after this moment" }),
  ...pageQuery,
});

export const listEventsEndpoint = endpoint({
  method: "get",
  path: "/events",
  operationId: "listEvents",
  summary: "List events",
  description: `The account's events, oldest first, kept 30 days by default (\`EVENT_RETENTION_DAYS\`). An event is listed ${EVENT_SETTLE_SECONDS} seconds after it happens, so a page once read never gains an older event. \`next_cursor\` comes back on the last page too: keep it and ask again later for what follows.`,
  tag: "Events",
  permission: "signed-in",
  query: listQuery,
  responses: {
    200: {
      description: "A page of events",
      schema: z
        .object({
          data: z.array(eventSchema),
          has_more: z.boolean().meta({ description: "Whether more follow at once" }),
          next_cursor: z
            .string()
            .nullable()
            .meta({ description: "Where the next page starts; null only before any event" }),
        })
        .meta({ id: "EventPage" }),
    },
  },
  async handler({ query }, ctx) {
    const page = await listEvents(
      ctx.db,
      ctx.actor,
      {
        types: query.types,
        since: query.since ? new Date(query.since) : undefined,
        cursor: query.cursor,
      },
      ctx.now,
      { size: query.limit },
    );
    return {
      status: 200,
      body: {
        data: page.rows.map((event) => ({
          id: event.id,
          type: event.type,
          created_at: event.createdAt.toISOString(),
          data: event.data,
        })),
        has_more: page.hasMore,
        next_cursor: page.nextCursor,
      },
    };
  },
});
