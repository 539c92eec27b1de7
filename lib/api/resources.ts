import { z } from "zod";
import "zod-openapi";
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  BILLING_MODES,
  CREATED_VIA,
  DELIVERY_STATUSES,
  INVITABLE_TYPES,
  PRICING_MODES,
} from "@/lib/enums";
import { DISPLAY_STATUSES } from "@/lib/invitations/constants";
import { timestamp } from "./v1/common";

/**
 * Invitations and subaccounts as the API shows them in its lists, and as
 * events carry them: written once, for /api/v1 and for lib/events.
 */

export const invitationExample = {
  id: "0f8e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
  email: "ann@example.com",
  status: "pending",
  delivery: "delivered",
  subaccount_type: "enterprise",
  sent_by: "Ada Admin",
  last_sent_at: "2026-12-01T09:30:00.000Z",
  expires_at: "2026-12-31T09:30:00.000Z",
};

export const invitationSummary = z
  .object({
    id: z.uuid(),
    email: z.string(),
    status: z.enum(DISPLAY_STATUSES),
    delivery: z.enum(DELIVERY_STATUSES),
    subaccount_type: z.enum(INVITABLE_TYPES),
    sent_by: z.string().meta({ description: "Who sent it first" }),
    last_sent_at: timestamp,
    expires_at: timestamp,
  })
  .meta({ id: "InvitationSummary", example: invitationExample });

type InvitationSummary = z.input<typeof invitationSummary>;

export function invitationSummaryOf(row: {
  id: string;
  email: string;
  status: InvitationSummary["status"];
  deliveryStatus: InvitationSummary["delivery"];
  subaccountType: string;
  sentBy: string;
  lastSentAt: Date;
  expiresAt: Date;
}): InvitationSummary {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    delivery: row.deliveryStatus,
    subaccount_type: row.subaccountType as InvitationSummary["subaccount_type"],
    sent_by: row.sentBy,
    last_sent_at: row.lastSentAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
  };
}

export const subaccountExample = {
  id: "3a4b5c6d-7e8f-4091-a2b3-c4d5e6f7a8b9",
  number: 100042,
  name: "Globex",
  nickname: "Globex (key account)",
  type: "enterprise",
  status: "active",
  billing: "bill_to_parent",
  pricing: "custom",
  created_via: "manual",
  created_at: "2026-12-01T09:30:00.000Z",
};

export const subaccountSummary = z
  .object({
    id: z.uuid(),
    number: z.number().int().meta({ description: "The account ID people quote" }),
    name: z.string(),
    nickname: z
      .string()
      .nullable()
      .meta({ description: "The parent's own name for it, never shown to it" }),
    type: z.enum(ACCOUNT_TYPES),
    status: z.enum(ACCOUNT_STATUSES),
    billing: z.enum(BILLING_MODES),
    pricing: z.enum(PRICING_MODES),
    created_via: z.enum(CREATED_VIA),
    created_at: timestamp,
  })
  .meta({
    id: "SubaccountSummary",
    example: subaccountExample,
  });

type SubaccountSummary = z.input<typeof subaccountSummary>;

export function subaccountSummaryOf(row: {
  id: string;
  number: number;
  name: string;
  nickname: string | null;
  type: SubaccountSummary["type"];
  status: SubaccountSummary["status"];
  billing: SubaccountSummary["billing"];
  pricing: SubaccountSummary["pricing"];
  createdVia: SubaccountSummary["created_via"];
  createdAt: Date;
}): SubaccountSummary {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    nickname: row.nickname,
    type: row.type,
    status: row.status,
    billing: row.billing,
    pricing: row.pricing,
    created_via: row.createdVia,
    created_at: row.createdAt.toISOString(),
  };
}
