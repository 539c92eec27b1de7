import { describe, expect, it } from "vitest";
import { invitationTemplates } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { actionRequest, formData } from "@/tests/helpers/request";
import { deleteTemplate, saveTemplate } from "./actions";

const t = setupTestDb();
const request = actionRequest(t, new Date("2026-04-01T10:00:00Z"));

const form = (fields: Record<string, string> = {}) =>
  formData({ name: "Resellers", subaccountType: "reseller", locale: "de", ...fields });

describe("the template form", () => {
  it("saves the message only while it is ticked, and the terms from their fields", async () => {
    request.actor = await makeActor(t.db);
    await expect(
      saveTemplate(
        undefined,
        form({
          sendCustomMessage: "on",
          customMessage: "Willkommen",
          terms_billing: "bill_to_parent",
          terms_pricing: "standard",
        }),
      ),
    ).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    await expect(
      saveTemplate(undefined, form({ name: "Plain", customMessage: "not ticked" })),
    ).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    const rows = await t.db.select().from(invitationTemplates).orderBy(invitationTemplates.name);
    expect(rows.map((r) => [r.name, r.customMessage, r.terms])).toEqual([
      ["Plain", null, null],
      ["Resellers", "Willkommen", { billing: "bill_to_parent" }],
    ]);
  });

  it("says at the name field that the name is taken, and refuses a Manager", async () => {
    request.actor = await makeActor(t.db);
    await expect(saveTemplate(undefined, form())).rejects.toMatchObject({
      message: "NEXT_REDIRECT",
    });
    expect(await saveTemplate(undefined, form({ name: "RESELLERS" }))).toMatchObject({
      ok: false,
      fieldErrors: { name: [{ code: "errors.template_name_taken" }] },
    });
    request.actor = await actorInAccount(t.db, request.actor.accountId, "manager");
    expect(await saveTemplate(undefined, form({ name: "Other" }))).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    const [row] = await t.db.select().from(invitationTemplates);
    expect(await deleteTemplate(undefined, formData({ id: row!.id }))).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await t.db.$count(invitationTemplates)).toBe(1);
  });
});
