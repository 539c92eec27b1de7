"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { optionalText } from "@/lib/actions/fields";
import { emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locale";
import { organizationInput } from "@/lib/subaccounts/inputs";
import {
  ACCOUNT_TYPES,
  BILLING_MODES,
  INVITABLE_TYPES,
  NICKNAME_MAX,
  PRICING_MODES,
} from "@/lib/subaccounts/rules";
import { createSubaccount as create } from "@/lib/subaccounts/service";

const administrator = z.object({
  adminFirstName: nameInput,
  adminLastName: nameInput,
  adminEmail: emailInput,
  adminUsername: usernameInput,
  locale: z.enum(LOCALES),
});

const input = organizationInput
  .extend({
    type: z.enum(ACCOUNT_TYPES),
    billing: z.enum(BILLING_MODES),
    pricing: z.enum(PRICING_MODES),
    nickname: optionalText(NICKNAME_MAX),
    adminFirstName: z.string().optional(),
    adminLastName: z.string().optional(),
    adminEmail: z.string().optional(),
    adminUsername: z.string().optional(),
    locale: z.string().optional(),
  })
  // Managed subaccounts have no one to sign in; every other type needs its Administrator.
  .superRefine((value, ctx) => {
    if (value.type === "managed") return;
    const result = administrator.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue(issue as never);
  });

export const createSubaccount = action(
  {
    permission: "subaccounts.create",
    input,
    // The administrator's fields carry a prefix on this form.
    fieldNames: { username: "adminUsername", email: "adminEmail" },
  },
  async (data, { actor, db, now, formData }) => {
    const allowed = formData
      .getAll("allowedSubaccountTypes")
      .filter((v): v is (typeof INVITABLE_TYPES)[number] =>
        (INVITABLE_TYPES as readonly string[]).includes(String(v)),
      );
    const admin = data.type === "managed" ? null : administrator.parse(data);
    const { id } = await create(
      db,
      {
        actor,
        now,
        subaccount: {
          name: data.name,
          addressLine1: data.addressLine1,
          addressLine2: data.addressLine2,
          city: data.city,
          region: data.region,
          postalCode: data.postalCode,
          country: data.country,
          phone: data.phone,
          contactFirstName: data.contactFirstName,
          contactLastName: data.contactLastName,
          contactEmail: data.contactEmail,
          contactPhone: data.contactPhone,
          type: data.type,
          billing: data.billing,
          pricing: data.pricing,
          nickname: data.nickname,
          allowedSubaccountTypes: allowed,
          administrator: admin && {
            firstName: admin.adminFirstName,
            lastName: admin.adminLastName,
            email: admin.adminEmail,
            username: admin.adminUsername,
            role: "administrator",
            locale: admin.locale,
          },
        },
      },
      { appUrl: env().APP_URL },
    );
    after(kickOutbox);
    revalidatePath("/subaccounts");
    return { redirectTo: `/subaccounts/${id}?created=1` };
  },
);
