"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { setUserTimeZone } from "@/lib/users/preferences";

export const saveTimeZone = action(
  { permission: "signed-in", input: z.object({ timeZone: z.string().max(64) }) },
  async ({ timeZone }, { actor, db, now }) => {
    await setUserTimeZone(db, actor, { timeZone }, now);
    // Every page shows its times in the new zone.
    revalidatePath("/", "layout");
    return { ok: true, message: "timeZone.saved", params: { zone: timeZone } };
  },
);
