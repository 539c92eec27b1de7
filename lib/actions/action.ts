import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { signInAfterSetup } from "@/lib/auth/sign-in-after";
import { DomainError, describeError } from "@/lib/errors";
import { afterCommit } from "@/lib/front-door/after-commit";
import { requestContext, type RequestContext } from "./context";
import { fieldErrorsOf, type FormState, keptValues, withTexts } from "./form-state";

export { fieldErrorsOf, keptValues };

/** What a public handler gets beside its parsed input; `formData` for multi-valued fields zod does not see. */
export type PublicActionContext = Omit<RequestContext, "actor"> & { formData: FormData };
/** What a signed-in handler gets: the same, with the actor. */
export type ActionContext = PublicActionContext & { actor: Actor };

/**
 * A handler's answer: form state, a place to go, or a sign-in with the
 * credentials just chosen. Both end in Next's redirect, so they run outside any try.
 */
export type ActionResult = FormState | { redirectTo: string } | { signIn: () => Promise<unknown> };

/**
 * Form field names for the fields an input or a refusal names differently
 * ("administrator.username" or "username" → "adminUsername").
 */
type FieldNames = Record<string, string>;

/**
 * A refusal from the domain becomes its message; anything else is logged and
 * shown as a generic message, never with its own text.
 */
export function failureState(
  error: unknown,
  formData: FormData,
  fieldNames: FieldNames = {},
): FormState {
  const values = keptValues(formData);
  if (error instanceof DomainError) {
    const field = error.field && (fieldNames[error.field] ?? error.field);
    return {
      ok: false,
      message: `errors.${error.code}`,
      params: error.params,
      fieldErrors: field
        ? { [field]: [{ code: `errors.${error.code}`, params: error.params }] }
        : undefined,
      values,
    };
  }
  console.error("Server action failed:", describeError(error));
  return { ok: false, message: "errors.unexpected", values };
}

/**
 * A form's fields as one object: a field sent once is its value, a field sent
 * several times (ticked boxes of a group) the list of its values. Forms adapt
 * this to a use case's JSON-shaped input.
 */
export function formFields(formData: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string") continue;
    const seen = fields[key];
    fields[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

/** Parse, run, map: the part every action shares, signed in or not. */
async function run<S extends z.ZodType, C>(
  spec: { input: S; fieldNames?: FieldNames },
  formData: FormData,
  ctx: C,
  handler: (input: z.output<S>, ctx: C & { formData: FormData }) => Promise<ActionResult>,
): Promise<FormState> {
  const parsed = spec.input.safeParse(formFields(formData));
  if (!parsed.success) {
    return {
      ok: false,
      message: "errors.invalid_input",
      fieldErrors: fieldErrorsOf(parsed.error, spec.fieldNames),
      values: keptValues(formData),
    };
  }
  let result: ActionResult;
  try {
    result = await handler(parsed.data, { ...ctx, formData });
  } catch (error) {
    return failureState(error, formData, spec.fieldNames);
  }
  // Whatever the handler committed (emails, webhook deliveries) goes out right
  // after the response, for every action alike; the poller retries what this misses.
  afterCommit();
  if ("redirectTo" in result) redirect(result.redirectTo);
  if ("signIn" in result) {
    await signInAfterSetup(result.signIn, redirect);
    return { ok: true };
  }
  return result;
}

/**
 * Every signed-in server action goes through here: authenticate, refuse early
 * without the permission, parse the form with zod, run the use case (which
 * checks the permission and the scope itself), and turn refusals into form state.
 */
export function action<S extends z.ZodType>(
  spec: { permission: Permission | "signed-in"; input: S; fieldNames?: FieldNames },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult>,
) {
  return async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
    const { actor, ...ctx } = await requestContext();
    if (!actor) return withTexts({ ok: false, message: "errors.signed_out" }, ctx.locale);
    if (spec.permission !== "signed-in" && !can(actor.role, spec.permission)) {
      return withTexts({ ok: false, message: "errors.forbidden" }, ctx.locale);
    }
    return withTexts(await run(spec, formData, { ...ctx, actor }, handler), ctx.locale);
  };
}

/**
 * An action anyone may submit (setup, accept an invitation, set a password): its
 * credential is in the form (a one-time token, a setup code) and the use case checks it.
 */
export function publicAction<S extends z.ZodType>(
  spec: { input: S; fieldNames?: FieldNames },
  handler: (input: z.output<S>, ctx: PublicActionContext) => Promise<ActionResult>,
) {
  return async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
    const { actor: _signedIn, ...ctx } = await requestContext();
    return withTexts(await run(spec, formData, ctx, handler), ctx.locale);
  };
}
