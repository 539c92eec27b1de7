"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { env } from "@/lib/env";
import { createSubaccount as create } from "@/lib/subaccounts/create";
import { CREATE_FORM_FIELDS, createFormInput } from "./form-input";

export const createSubaccount = action(
  { permission: "subaccounts.create", input: createFormInput, fieldNames: CREATE_FORM_FIELDS },
  async (subaccount, { actor, db, now }) => {
    const { id } = await create(db, actor, { subaccount }, now, { appUrl: env().APP_URL });
    revalidatePath("/subaccounts");
    return { redirectTo: `/subaccounts/${id}?created=1` };
  },
);
