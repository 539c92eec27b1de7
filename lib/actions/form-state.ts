/** `code` is a full translation key ("validation.too_small", "errors.username_taken"). */
export type FieldError = { code: string; params?: Record<string, string | number> };

/** What every server action returns to its form. Messages are translation keys. */
export type FormState =
  | { ok: true; message?: string; params?: Record<string, string | number> }
  | {
      ok: false;
      message: string;
      params?: Record<string, string | number>;
      fieldErrors?: Record<string, FieldError[]>;
      /** The submitted values (never passwords), so the form keeps what was typed. */
      values?: Record<string, string>;
    };

export const initialFormState: FormState = { ok: true };
