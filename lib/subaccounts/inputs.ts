import { z } from "zod";
import { optionalText, requiredText } from "@/lib/actions/fields";
import { emailInput } from "@/lib/auth/inputs";

/** The organization and contact fields shared by every form that edits them. */
export const organizationInput = z.object({
  name: requiredText(200),
  addressLine1: requiredText(200),
  addressLine2: optionalText(200),
  city: requiredText(100),
  region: optionalText(100),
  postalCode: requiredText(20),
  country: requiredText(100),
  phone: optionalText(40),
  contactFirstName: requiredText(100),
  contactLastName: requiredText(100),
  contactEmail: emailInput,
  contactPhone: optionalText(40),
});
