"use server";

import { revalidatePath } from "next/cache";
import { organizationInput } from "@/lib/accounts/organization";
import { updateOwnOrganization } from "@/lib/accounts/own";
import { action } from "@/lib/actions/action";

/** An account's administrators keep their own organization and contact details current. */
export const updateOrganization = action(
  { permission: "account.edit", input: organizationInput },
  async (details, { actor, db, now }) => {
    await updateOwnOrganization(db, actor, { details }, now);
    revalidatePath("/");
    return { ok: true, message: "organization.saved" };
  },
);
