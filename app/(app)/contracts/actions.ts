"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { contractInput } from "@/lib/contracts/inputs";
import { createContract as create } from "@/lib/contracts/manage";

export const createContract = action(
  { permission: "contracts.manage", input: contractInput },
  async (contract, { actor, db, now }) => {
    await create(db, actor, { contract }, now);
    revalidatePath("/contracts");
    return { ok: true, message: "contracts.created" };
  },
);
