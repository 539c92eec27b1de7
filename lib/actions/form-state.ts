import type { z } from "zod";
import type { Locale } from "@/lib/enums";
import { translator } from "@/lib/i18n/translator";

/**
 * `code` is a full translation key ("validation.too_small", "errors.username_taken");
 * `text` its words in the page's language, filled in by `withTexts`.
 */
export type FieldError = { code: string; params?: Record<string, string | number>; text?: string };

/**
 * What every server action returns to its form. Messages are translation keys;
 * `text` is the message in the page's language (`withTexts`), so that the
 * browser needs no catalogue of every error to show one.
 */
export type FormState =
  | {
      ok: true;
      message?: string;
      params?: Record<string, string | number>;
      text?: string;
      /** What a form shows of a success beyond its message (a checked file's preview). */
      data?: unknown;
    }
  | {
      ok: false;
      message: string;
      params?: Record<string, string | number>;
      text?: string;
      fieldErrors?: Record<string, FieldError[]>;
      /**
       * Every submitted value by field name (never passwords), so the form shows
       * what was chosen; a name missing here was not submitted (an unticked box).
       */
      values?: Record<string, string[]>;
    };

export const initialFormState: FormState = { ok: true };

/** The answer with its message and each field's errors in words of `locale`. */
export function withTexts(state: FormState, locale: Locale): FormState {
  if (!state.message) return state;
  const t = translator(locale) as (key: string, params?: Record<string, string | number>) => string;
  if (state.ok) return { ...state, text: t(state.message, state.params) };
  const fieldErrors = state.fieldErrors
    ? Object.fromEntries(
        Object.entries(state.fieldErrors).map(([name, errors]) => [
          name,
          errors.map((error) => ({ ...error, text: t(error.code, error.params) })),
        ]),
      )
    : undefined;
  return { ...state, text: t(state.message, state.params), fieldErrors };
}

const SECRET_FIELDS = /password|token|setupcode/i;

/**
 * What the form should show again after a refusal: every value of every field
 * (all the ticked boxes of a group, all the rows of a table), but no secrets.
 */
export function keptValues(formData: FormData): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$") && !SECRET_FIELDS.test(key))
      (values[key] ??= []).push(value);
  }
  return values;
}

/** zod's issues by form field: a nested path ("administrator.username") renamed by `fieldNames`. */
export function fieldErrorsOf(
  error: z.ZodError,
  fieldNames: Record<string, string> = {},
): Record<string, FieldError[]> {
  const out: Record<string, FieldError[]> = {};
  for (const issue of error.issues) {
    // A list's items are one field on a form (the ticked boxes of a group).
    const path =
      issue.path
        .filter((p) => typeof p !== "number")
        .map(String)
        .join(".") || "form";
    const field = fieldNames[path] ?? path;
    const params: Record<string, string | number> = {};
    if ("minimum" in issue) params.minimum = Number(issue.minimum);
    if ("maximum" in issue) params.maximum = Number(issue.maximum);
    // A custom message in a schema is already a key; otherwise the issue's code is.
    const code =
      issue.code === "custom" || issue.message.startsWith("v.")
        ? issue.message.replace(/^v\./, "")
        : issue.code;
    (out[field] ??= []).push({ code: `validation.${code}`, params });
  }
  return out;
}
