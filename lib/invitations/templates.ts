import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { invitationTemplates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/errors";
import { InvitationError } from "./errors";
import { newInvitationInput } from "./inputs";
import { TEMPLATE_NAME_MAX } from "./template-rules";
import { invitableTypesOf, type NewInvitation } from "./send";
import { authorizeTerms, checkTerms, keepUnsettable, normalizeTerms } from "./terms";

/**
 * Invitation templates: a name, and the type, language, message and terms an
 * invitation starts from. An invitation copies them, so editing or deleting a
 * template never changes one already sent. Administrators keep them; everyone
 * who invites chooses from them.
 */

export const invitationTemplateInput = newInvitationInput
  .pick({ subaccountType: true, locale: true, customMessage: true, terms: true })
  .extend({ name: z.string().trim().min(1, { message: "v.required" }).max(TEMPLATE_NAME_MAX) });
export type InvitationTemplateInput = z.input<typeof invitationTemplateInput>;

const NAME_INDEX = "invitation_templates_name";

/** Creates a template, or replaces one of the account's (`id`). */
export async function saveInvitationTemplate(
  db: Db,
  actor: Actor,
  input: { id?: string; template: InvitationTemplateInput },
  now: Date,
): Promise<{ id: string }> {
  authorize(actor, "account.edit");
  const template = invitationTemplateInput.parse(input.template);
  const terms = normalizeTerms(template.terms);
  try {
    return await db.transaction(async (tx) => {
      const current = await lockActor(tx, actor, "account.edit");
      authorizeTerms(current, null, terms);
      if (!(await invitableTypesOf(tx, current.accountId)).includes(template.subaccountType))
        throw new InvitationError("invitation_type_not_allowed", "subaccountType");
      await checkTerms(tx, current.accountId, terms);
      const values = {
        name: template.name,
        subaccountType: template.subaccountType,
        locale: template.locale,
        customMessage: template.customMessage,
        terms,
        updatedAt: now,
      };
      if (!input.id) {
        const [created] = await tx
          .insert(invitationTemplates)
          .values({ ...values, accountId: current.accountId, createdAt: now })
          .returning({ id: invitationTemplates.id });
        return created!;
      }
      const [updated] = await tx
        .update(invitationTemplates)
        .set(values)
        .where(
          and(
            eq(invitationTemplates.id, input.id),
            eq(invitationTemplates.accountId, current.accountId),
          ),
        )
        .returning({ id: invitationTemplates.id });
      if (!updated) throw new InvitationError("template_not_found");
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error, NAME_INDEX))
      throw new InvitationError("template_name_taken", "name");
    throw error;
  }
}

export async function deleteInvitationTemplate(
  db: Db,
  actor: Actor,
  input: { id: string },
  _now: Date,
): Promise<void> {
  authorize(actor, "account.edit");
  await db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "account.edit");
    const deleted = await tx
      .delete(invitationTemplates)
      .where(
        and(
          eq(invitationTemplates.id, input.id),
          eq(invitationTemplates.accountId, current.accountId),
        ),
      )
      .returning({ id: invitationTemplates.id });
    if (!deleted.length) throw new InvitationError("template_not_found");
  });
}

export type InvitationTemplate = typeof invitationTemplates.$inferSelect;

/** The account's templates, by name. */
export function listInvitationTemplates(db: Db, accountId: string) {
  return db
    .select()
    .from(invitationTemplates)
    .where(eq(invitationTemplates.accountId, accountId))
    .orderBy(asc(sql`lower(${invitationTemplates.name})`));
}

/** One of the account's templates, by its id or (a bulk file's column) its name in any case. */
export async function findInvitationTemplate(
  db: Db,
  accountId: string,
  ref: { id: string } | { name: string },
): Promise<InvitationTemplate | null> {
  const [row] = await db
    .select()
    .from(invitationTemplates)
    .where(
      and(
        eq(invitationTemplates.accountId, accountId),
        "id" in ref
          ? eq(invitationTemplates.id, ref.id)
          : eq(sql`lower(${invitationTemplates.name})`, ref.name.trim().toLowerCase()),
      ),
    );
  return row ?? null;
}

type TemplatePart = Pick<NewInvitation, "subaccountType" | "locale" | "customMessage" | "terms">;

/**
 * An invitation's input with a template under it: what the input gives wins,
 * what it leaves out (undefined) the template fills in.
 */
export function withTemplate<T extends Partial<TemplatePart>>(
  template: InvitationTemplate | null,
  given: T,
): T & Partial<TemplatePart> {
  if (!template) return given;
  const from: TemplatePart = {
    subaccountType: template.subaccountType as TemplatePart["subaccountType"],
    locale: template.locale,
    customMessage: template.customMessage,
    terms: template.terms,
  };
  const filled = { ...given } as T & Partial<TemplatePart>;
  for (const key of Object.keys(from) as (keyof TemplatePart)[])
    if (filled[key] === undefined) (filled as Record<string, unknown>)[key] = from[key];
  return filled;
}

/**
 * An invitation from a form that started from a template: the terms the form
 * showed read-only (so never sent) still come from the template, and a role
 * that may not set them is refused by the use case, as in a bulk file and the
 * API. Another account's template is no template.
 */
export async function withFormTemplate(
  db: Db,
  actor: Actor,
  { templateId, invitation }: { templateId?: string; invitation: NewInvitation },
): Promise<NewInvitation> {
  const template = templateId
    ? await findInvitationTemplate(db, actor.accountId, { id: templateId })
    : null;
  if (!template) return invitation;
  return {
    ...invitation,
    terms: keepUnsettable(actor.role, template.terms, invitation.terms ?? null),
  };
}
