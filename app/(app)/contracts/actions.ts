"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { requiredText } from "@/lib/actions/fields";
import { createContract as create } from "@/lib/contracts/service";
import { BILLING_MODES, PRICING_MODES } from "@/lib/subaccounts/rules";

const isoDate = z.iso.date({ message: "v.date" });

export const createContract = action(
  {
    permission: "contracts.manage",
    input: z
      .object({
        name: requiredText(200),
        startsOn: isoDate,
        endsOn: z.union([isoDate, z.literal("")]).transform((v) => v || null),
        billing: z.enum(BILLING_MODES),
        pricing: z.enum(PRICING_MODES),
      })
      .refine((c) => !c.endsOn || c.endsOn >= c.startsOn, { path: ["endsOn"], message: "v.date" }),
  },
  async (contract, { actor, db, now }) => {
    await create(db, { actor, contract, now });
    revalidatePath("/contracts");
    return { ok: true, message: "contracts.created" };
  },
);
