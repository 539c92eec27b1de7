"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { invitationFormFields } from "@/app/(app)/subaccounts/invite/form-input";
import { action } from "@/lib/actions/action";
import {
  deleteInvitationTemplate,
  invitationTemplateInput,
  saveInvitationTemplate,
} from "@/lib/invitations/templates";

const templateFormInput = z.preprocess(
  invitationFormFields,
  invitationTemplateInput.extend({ id: z.uuid().optional() }),
);

export const saveTemplate = action(
  { permission: "account.edit", input: templateFormInput },
  async ({ id, ...template }, { actor, db, now }) => {
    await saveInvitationTemplate(db, actor, { id, template }, now);
    revalidatePath("/account/invitations");
    return { redirectTo: `/account/invitations?template=${id ? "saved" : "created"}` };
  },
);

export const deleteTemplate = action(
  { permission: "account.edit", input: z.object({ id: z.uuid() }) },
  async ({ id }, { actor, db, now }) => {
    await deleteInvitationTemplate(db, actor, { id }, now);
    revalidatePath("/account/invitations");
    return { redirectTo: "/account/invitations?template=deleted" };
  },
);
