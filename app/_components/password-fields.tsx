"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { passwordStrength } from "@/lib/auth/password-policy";
import { Field } from "./form";

/** Password and confirmation with the rule as a hint and a live strength meter. */
export function PasswordFields({
  state,
  labels,
}: {
  state: FormState | undefined;
  labels: { password: string; confirm: string; hint: string };
}) {
  const t = useTranslations("password");
  const [strength, setStrength] = useState(0);
  return (
    <>
      <Field
        label={labels.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        state={state}
        onChange={(e) => setStrength(passwordStrength(e.currentTarget.value))}
        hint={
          <>
            {labels.hint}{" "}
            <span aria-live="polite" className="font-medium">
              {t("strength", { level: t(`levels.${strength}`) })}
            </span>
          </>
        }
      />
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={strength}
        aria-hidden="true"
        className="h-2 w-full"
      />
      <Field
        label={labels.confirm}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        state={state}
      />
    </>
  );
}
