"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { USER_STATUSES, ROLES } from "@/lib/enums";
import { env } from "@/lib/env";
import { newUserInput } from "@/lib/users/inputs";
import * as users from "@/lib/users/manage";

// The list and each user's page.
const PATH = "/account/users";

export const addUser = action(
  { permission: "users.manage", input: newUserInput },
  async (user, { actor, db, now }) => {
    await users.addUser(db, actor, { user }, now, { appUrl: env().APP_URL });
    revalidatePath(PATH, "layout");
    return {
      ok: true,
      message: "users.added",
      params: { name: `${user.firstName} ${user.lastName}` },
    };
  },
);

export const changeRole = action(
  { permission: "users.manage", input: z.object({ userId: z.uuid(), role: z.enum(ROLES) }) },
  async (input, { actor, db, now }) => {
    await users.changeRole(db, actor, input, now);
    revalidatePath(PATH, "layout");
    return { ok: true, message: "users.roleChanged" };
  },
);

export const changeStatus = action(
  {
    permission: "users.manage",
    input: z.object({ userId: z.uuid(), status: z.enum(USER_STATUSES) }),
  },
  async (input, { actor, db, now }) => {
    await users.setUserStatus(db, actor, input, now);
    revalidatePath(PATH, "layout");
    return {
      ok: true,
      message: input.status === "active" ? "users.reactivated" : "users.deactivated",
    };
  },
);

export const resendLink = action(
  { permission: "users.manage", input: z.object({ userId: z.uuid() }) },
  async (input, { actor, db, now }) => {
    const { email } = await users.resendPasswordLink(db, actor, input, now, {
      appUrl: env().APP_URL,
    });
    return { ok: true, message: "users.linkSent", params: { email } };
  },
);
