"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { ACCOUNT_STATUSES, BILLING_MODES, PRICING_MODES } from "@/lib/enums";
import { subaccountDetailsInput } from "@/lib/subaccounts/inputs";
import * as subaccounts from "@/lib/subaccounts/manage";
import { productsFormInput } from "./form-input";

// Which subaccount a form acts on; the use case checks that the actor may act on it.
const target = z.object({ id: z.uuid() });
const done = (id: string, message: string) => {
  revalidatePath(`/subaccounts/${id}`);
  revalidatePath("/subaccounts");
  return { ok: true as const, message };
};
const optionalId = z.union([z.uuid(), z.literal("")]).transform((v) => v || null);

export const updateDetails = action(
  { permission: "subaccounts.editDetails", input: subaccountDetailsInput.extend(target.shape) },
  async ({ id, ...details }, { actor, db, now }) => {
    await subaccounts.updateSubaccountDetails(db, actor, { id, details }, now);
    return done(id, "organization.saved");
  },
);

export const updateTerms = action(
  {
    permission: "signed-in",
    input: target.extend({ billing: z.enum(BILLING_MODES), pricing: z.enum(PRICING_MODES) }),
  },
  async (input, { actor, db, now }) => {
    await subaccounts.updateBillingAndPricing(db, actor, input, now);
    return done(input.id, "subaccount.termsSaved");
  },
);

export const updateProducts = action(
  { permission: "subaccounts.editPricing", input: productsFormInput },
  async (input, { actor, db, now }) => {
    await subaccounts.updateProductTerms(db, actor, input, now);
    return done(input.id, "subaccount.productsSaved");
  },
);

export const setContract = action(
  { permission: "contracts.manage", input: target.extend({ contractId: optionalId }) },
  async (input, { actor, db, now }) => {
    const { status } = await subaccounts.assignContract(db, actor, input, now);
    return done(
      input.id,
      status === null
        ? "subaccount.contractRemoved"
        : status === "active"
          ? "subaccount.contractAssigned"
          : status === "upcoming"
            ? "subaccount.contractAssignedLater"
            : "subaccount.contractAssignedEnded",
    );
  },
);

export const setAccountManager = action(
  { permission: "subaccounts.assignManager", input: target.extend({ userId: optionalId }) },
  async (input, { actor, db, now }) => {
    await subaccounts.assignAccountManager(db, actor, input, now);
    return done(input.id, "subaccount.managerSaved");
  },
);

export const setStatus = action(
  {
    permission: "subaccounts.changeStatus",
    input: target.extend({ status: z.enum(ACCOUNT_STATUSES) }),
  },
  async (input, { actor, db, now }) => {
    await subaccounts.setSubaccountStatus(db, actor, input, now);
    return done(
      input.id,
      input.status === "active" ? "subaccount.reactivated" : "subaccount.deactivated",
    );
  },
);
