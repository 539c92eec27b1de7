"use server";

import { cookies } from "next/headers";
import { getDb } from "@/db";
import { currentActor, signOut } from "@/lib/auth/next-auth";
import { setUserLocale } from "@/lib/users/preferences";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locale";

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

/** Saves the language for the signed-in user, or in a cookie for a visitor. */
export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
  });
  const actor = await currentActor();
  // A user may change only their own preference.
  if (actor) await setUserLocale(await getDb(), actor.userId, locale, new Date());
}
