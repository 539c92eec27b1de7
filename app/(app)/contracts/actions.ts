"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { contractInput } from "@/lib/contracts/inputs";
import {
  createContract as create,
  deleteContract as remove,
  endContract as end,
  updateContract as update,
} from "@/lib/contracts/manage";

const byId = z.object({ id: z.uuid() });

export const createContract = action(
  { permission: "contracts.manage", input: contractInput },
  async (contract, { actor, db, now }) => {
    await create(db, actor, { contract }, now);
    revalidatePath("/contracts");
    return { ok: true, message: "contracts.created" };
  },
);

export const updateContract = action(
  { permission: "contracts.manage", input: z.intersection(byId, contractInput) },
  async ({ id, ...contract }, { actor, db, now }) => {
    await update(db, actor, { id, contract }, now);
    revalidatePath("/contracts");
    return { ok: true, message: "contracts.saved" };
  },
);

export const endContract = action(
  { permission: "contracts.manage", input: byId },
  async ({ id }, { actor, db, now }) => {
    await end(db, actor, { id }, now);
    revalidatePath("/contracts");
    return { ok: true, message: "contracts.ended" };
  },
);

export const deleteContract = action(
  { permission: "contracts.manage", input: byId },
  async ({ id }, { actor, db, now }) => {
    await remove(db, actor, { id }, now);
    revalidatePath("/contracts");
    return { redirectTo: "/contracts?deleted=1" };
  },
);
