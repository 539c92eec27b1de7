"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { passwordStrength } from "@/lib/auth/password-policy";
import { useField } from "./form/runtime";
import { Field } from "./form/text-field";

/** Password and confirmation with the rule as a hint and a live strength meter. */
export function PasswordFields() {
  const t = useTranslations("password");
  const { attempt } = useField("password");
  // The strength of what is typed now: nothing while empty, and the field is empty
  // again after every answer from the server.
  const [typed, setTyped] = useState<{ attempt: number; level: number | null }>({
    attempt,
    level: null,
  });
  const level = typed.attempt === attempt ? typed.level : null;
  return (
    <>
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        onChange={(e) => {
          const value = e.currentTarget.value;
          setTyped({ attempt, level: value ? passwordStrength(value) : null });
        }}
        hint={
          <>
            {t("hint")}{" "}
            <span aria-live="polite" className="font-medium">
              {level === null ? null : t("strength", { level: t(`levels.${level}`) })}
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
        value={level ?? 0}
        aria-hidden="true"
        className="h-2 w-full"
      />
      <Field
        label={t("confirm")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
