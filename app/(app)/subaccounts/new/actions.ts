"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { afterCommit } from "@/lib/front-door/after-commit";
import { env } from "@/lib/env";
import { createSubaccount as create } from "@/lib/subaccounts/create";
import { invitableTypesFrom, newSubaccountInput } from "@/lib/subaccounts/inputs";

export const createSubaccount = action(
  {
    permission: "subaccounts.create",
    input: newSubaccountInput,
    // The administrator's fields carry a prefix on this form.
    fieldNames: { username: "adminUsername", email: "adminEmail" },
  },
  async (subaccount, { actor, db, now, formData }) => {
    const allowedSubaccountTypes = invitableTypesFrom(formData.getAll("allowedSubaccountTypes"));
    const { id } = await create(
      db,
      actor,
      { subaccount: { ...subaccount, allowedSubaccountTypes } },
      now,
      { appUrl: env().APP_URL },
    );
    afterCommit();
    revalidatePath("/subaccounts");
    return { redirectTo: `/subaccounts/${id}?created=1` };
  },
);
