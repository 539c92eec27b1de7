"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import { ROLES } from "@/lib/auth/permissions";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locale";
import {
  addUser as add,
  changeRole as change,
  resendPasswordLink,
  setUserStatus,
} from "@/lib/users/service";

const PATH = "/account/users";

export const addUser = action(
  {
    permission: "users.manage",
    input: z.object({
      firstName: nameInput,
      lastName: nameInput,
      email: emailInput,
      username: usernameInput,
      role: z.enum(ROLES),
      locale: z.enum(LOCALES),
    }),
  },
  async (user, { actor, db, now }) => {
    await add(db, { actor, user, now }, { appUrl: env().APP_URL });
    after(kickOutbox);
    revalidatePath(PATH);
    return {
      ok: true,
      message: "users.added",
      params: { name: `${user.firstName} ${user.lastName}` },
    };
  },
);

export const changeRole = action(
  { permission: "users.manage", input: z.object({ userId: z.uuid(), role: z.enum(ROLES) }) },
  async ({ userId, role }, { actor, db, now }) => {
    await change(db, { actor, userId, role, now });
    revalidatePath(PATH);
    return { ok: true, message: "users.roleChanged" };
  },
);

export const changeStatus = action(
  {
    permission: "users.manage",
    input: z.object({ userId: z.uuid(), status: z.enum(["active", "deactivated"]) }),
  },
  async ({ userId, status }, { actor, db, now }) => {
    await setUserStatus(db, { actor, userId, status, now });
    revalidatePath(PATH);
    return { ok: true, message: status === "active" ? "users.reactivated" : "users.deactivated" };
  },
);

export const resendLink = action(
  { permission: "users.manage", input: z.object({ userId: z.uuid() }) },
  async ({ userId }, { actor, db, now }) => {
    const { email } = await resendPasswordLink(
      db,
      { actor, userId, now },
      { appUrl: env().APP_URL },
    );
    after(kickOutbox);
    return { ok: true, message: "users.linkSent", params: { email } };
  },
);
