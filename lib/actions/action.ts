import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { DomainError, describeError } from "@/lib/errors";
import { requestContext, type RequestContext } from "./context";
import { fieldErrorsOf, type FormState, keptValues } from "./form-state";

export { fieldErrorsOf, keptValues };

/** What a handler gets beside its parsed input; `formData` for multi-valued fields zod does not see. */
export type ActionContext = RequestContext & { actor: Actor; formData: FormData };

/** A handler's answer: form state, or a place to go (redirect happens outside any try). */
export type ActionResult = FormState | { redirectTo: string };

/**
 * A refusal from the domain becomes its message; anything else is logged and
 * shown as a generic message, never with its own text.
 */
export function failureState(
  error: unknown,
  formData: FormData,
  /** The form's name for a field the domain names differently ("username" → "adminUsername"). */
  fieldNames: Record<string, string> = {},
): FormState {
  const values = keptValues(formData);
  if (error instanceof DomainError) {
    const field = error.field && (fieldNames[error.field] ?? error.field);
    return {
      ok: false,
      message: `errors.${error.code}`,
      params: error.params,
      fieldErrors: field ? { [field]: [{ code: `errors.${error.code}` }] } : undefined,
      values,
    };
  }
  console.error("Server action failed:", describeError(error));
  return { ok: false, message: "errors.unexpected", values };
}

/**
 * Every server action goes through here: authenticate, check one permission,
 * parse the form with zod, run the domain, and turn refusals into form state.
 * Hiding a button is not authorization; this is.
 */
export function action<S extends z.ZodType>(
  spec: {
    permission: Permission | "signed-in";
    input: S;
    /** Form field names for the fields a domain refusal names differently. */
    fieldNames?: Record<string, string>;
  },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult>,
) {
  return async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
    const ctx = await requestContext();
    if (!ctx.actor) return { ok: false, message: "errors.signed_out" };
    const actor = ctx.actor;
    if (spec.permission !== "signed-in" && !can(actor.role, spec.permission)) {
      return { ok: false, message: "errors.forbidden" };
    }
    const parsed = spec.input.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return {
        ok: false,
        message: "errors.invalid_input",
        fieldErrors: fieldErrorsOf(parsed.error),
        values: keptValues(formData),
      };
    }
    let result: ActionResult;
    try {
      result = await handler(parsed.data, { ...ctx, actor, formData });
    } catch (error) {
      return failureState(error, formData, spec.fieldNames);
    }
    if ("redirectTo" in result) redirect(result.redirectTo);
    return result;
  };
}
