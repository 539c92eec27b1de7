import { z } from "zod";
import { requiredText } from "@/lib/actions/fields";
import { BILLING_MODES, PRICING_MODES } from "@/lib/enums";

const isoDate = z.iso.date({ message: "v.date" });

/** A new contract as its form submits it; a contract may not end before it starts. */
export const contractInput = z
  .object({
    name: requiredText(200),
    startsOn: isoDate,
    endsOn: z.union([isoDate, z.literal("")]).transform((v) => v || null),
    billing: z.enum(BILLING_MODES),
    pricing: z.enum(PRICING_MODES),
  })
  .refine((c) => !c.endsOn || c.endsOn >= c.startsOn, {
    path: ["endsOn"],
    message: "v.end_before_start",
  });
