"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { optionalText } from "@/lib/actions/fields";
import { DomainError } from "@/lib/errors";
import { organizationInput } from "@/lib/subaccounts/inputs";
import {
  BILLING_MODES,
  NICKNAME_MAX,
  parsePriceToCents,
  PRICING_MODES,
} from "@/lib/subaccounts/rules";
import * as subaccounts from "@/lib/subaccounts/service";

// Which subaccount a form acts on; the domain checks that the actor may act on it
// (a user of its direct parent with the role for it, or its assigned account manager).
const target = z.object({ id: z.uuid() });
const done = (id: string, message: string) => {
  revalidatePath(`/subaccounts/${id}`);
  revalidatePath("/subaccounts");
  return { ok: true as const, message };
};

export const updateDetails = action(
  {
    permission: "signed-in",
    input: organizationInput.extend({ id: z.uuid(), nickname: optionalText(NICKNAME_MAX) }),
  },
  async ({ id, ...details }, { actor, db, now }) => {
    await subaccounts.updateSubaccountDetails(db, { actor, id, details, now });
    return done(id, "organization.saved");
  },
);

export const updateTerms = action(
  {
    permission: "signed-in",
    input: target.extend({ billing: z.enum(BILLING_MODES), pricing: z.enum(PRICING_MODES) }),
  },
  async ({ id, billing, pricing }, { actor, db, now }) => {
    await subaccounts.updateBillingAndPricing(db, { actor, id, billing, pricing, now });
    return done(id, "subaccount.termsSaved");
  },
);

export const updateProducts = action(
  { permission: "signed-in", input: target.extend({ productIds: z.string().max(10_000) }) },
  async ({ id, productIds }, { actor, db, now, formData }) => {
    const terms: subaccounts.ProductTerms[] = [];
    for (const productId of productIds.split(",").filter((p) => z.uuid().safeParse(p).success)) {
      const priceCents = parsePriceToCents(String(formData.get(`price_${productId}`) ?? ""));
      if (priceCents === "invalid") throw new DomainError("invalid_price", `price_${productId}`);
      terms.push({
        productId,
        priceCents,
        available: formData.get(`available_${productId}`) === "on",
      });
    }
    await subaccounts.updateProductTerms(db, { actor, id, terms, now });
    return done(id, "subaccount.productsSaved");
  },
);

export const setContract = action(
  {
    permission: "contracts.manage",
    input: target.extend({ contractId: z.union([z.uuid(), z.literal("")]) }),
  },
  async ({ id, contractId }, { actor, db, now }) => {
    await subaccounts.assignContract(db, { actor, id, contractId: contractId || null, now });
    return done(id, contractId ? "subaccount.contractAssigned" : "subaccount.contractRemoved");
  },
);

export const setAccountManager = action(
  {
    permission: "subaccounts.assignManager",
    input: target.extend({ userId: z.union([z.uuid(), z.literal("")]) }),
  },
  async ({ id, userId }, { actor, db, now }) => {
    await subaccounts.assignAccountManager(db, { actor, id, userId: userId || null, now });
    return done(id, "subaccount.managerSaved");
  },
);

export const setStatus = action(
  {
    permission: "subaccounts.changeStatus",
    input: target.extend({ status: z.enum(["active", "deactivated"]) }),
  },
  async ({ id, status }, { actor, db, now }) => {
    await subaccounts.setSubaccountStatus(db, { actor, id, status, now });
    return done(id, status === "active" ? "subaccount.reactivated" : "subaccount.deactivated");
  },
);
