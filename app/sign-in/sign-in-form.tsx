"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { signInAction } from "./actions";

export function SignInForm({ returnTo }: { returnTo?: string }) {
  const t = useTranslations("signIn");
  const [state, formAction] = useActionState(signInAction, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="returnTo" value={returnTo ?? "/"} />
      <Field
        label={t("username")}
        name="username"
        state={state}
        autoComplete="username"
        required
        autoCapitalize="none"
        spellCheck={false}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
