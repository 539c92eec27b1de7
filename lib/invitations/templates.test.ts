import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, invitations } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { apiClient } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { parseBulkCsv } from "./bulk/parse";
import { previewBulkInvitations } from "./bulk/preview";
import {
  deleteInvitationTemplate,
  findInvitationTemplate,
  type InvitationTemplateInput,
  listInvitationTemplates,
  saveInvitationTemplate,
  withTemplate,
} from "./templates";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const call = apiClient(t, { now });

const onTerms: InvitationTemplateInput = {
  name: "Reseller on our terms",
  subaccountType: "reseller",
  locale: "de",
  customMessage: "Willkommen",
  terms: { billing: "bill_to_parent", pricing: "custom" },
};

describe("invitation templates", () => {
  it("are kept by Administrators, one name per account whatever its case, and refused to others", async () => {
    const admin = await makeActor(t.db);
    const { id } = await saveInvitationTemplate(t.db, admin, { template: onTerms }, now);
    await expect(
      saveInvitationTemplate(
        t.db,
        admin,
        { template: { ...onTerms, name: "RESELLER ON OUR TERMS" } },
        now,
      ),
    ).rejects.toMatchObject({ code: "template_name_taken" });
    // Another account may use the same name.
    const other = await makeActor(t.db, { accountName: "Other" });
    await saveInvitationTemplate(t.db, other, { template: onTerms }, now);
    const manager = await actorInAccount(t.db, admin.accountId, "manager");
    await expect(
      saveInvitationTemplate(t.db, manager, { template: { ...onTerms, name: "Mine" } }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteInvitationTemplate(t.db, other, { id }, now)).rejects.toMatchObject({
      code: "template_not_found",
    });
    expect((await listInvitationTemplates(t.db, admin.accountId)).map((x) => x.name)).toEqual([
      "Reseller on our terms",
    ]);
    await deleteInvitationTemplate(t.db, admin, { id }, now);
    expect(await listInvitationTemplates(t.db, admin.accountId)).toEqual([]);
  });

  it("refuses a type the account may not invite", async () => {
    const admin = await makeActor(t.db);
    await t.db
      .update(accounts)
      .set({ allowedSubaccountTypes: ["retail"] })
      .where(eq(accounts.id, admin.accountId));
    await expect(
      saveInvitationTemplate(t.db, admin, { template: onTerms }, now),
    ).rejects.toMatchObject({ code: "invitation_type_not_allowed" });
  });

  it("fill in only what an invitation leaves out", async () => {
    const admin = await makeActor(t.db);
    const { id } = await saveInvitationTemplate(t.db, admin, { template: onTerms }, now);
    const template = await findInvitationTemplate(t.db, admin.accountId, { id });
    expect(
      withTemplate(template, { subaccountType: "retail", customMessage: null, locale: undefined }),
    ).toEqual({
      subaccountType: "retail",
      customMessage: null,
      locale: "de",
      terms: { billing: "bill_to_parent", pricing: "custom" },
    });
    expect(
      await findInvitationTemplate(t.db, admin.accountId, { name: " reseller ON our terms" }),
    ).toMatchObject({ id });
  });

  it("edited later, leave the invitations sent from them as they were", async () => {
    const admin = await makeActor(t.db);
    const { id } = await saveInvitationTemplate(t.db, admin, { template: onTerms }, now);
    const { key } = await apiKeyOf(t.db, admin);
    const sent = await call("POST", "/invitations", {
      key,
      body: { emails: ["ann@example.com"], template_id: id },
    });
    expect(sent.body).toMatchObject({ created: 1 });
    await saveInvitationTemplate(
      t.db,
      admin,
      {
        id,
        template: { ...onTerms, customMessage: "Anders", terms: { billing: "bill_to_subaccount" } },
      },
      now,
    );
    const [row] = await t.db.select().from(invitations);
    expect(row).toMatchObject({
      subaccountType: "reseller",
      locale: "de",
      customMessage: "Willkommen",
      terms: { billing: "bill_to_parent", pricing: "custom" },
    });
  });

  it("give a Manager no way to set terms: a template's terms are refused to them, on the form's use case and in a bulk file", async () => {
    const admin = await makeActor(t.db);
    const { id } = await saveInvitationTemplate(t.db, admin, { template: onTerms }, now);
    await saveInvitationTemplate(
      t.db,
      admin,
      { template: { ...onTerms, name: "Plain", terms: null } },
      now,
    );
    const manager = await actorInAccount(t.db, admin.accountId, "manager");
    // Through a form or a batch a Manager reaches the use case directly.
    await expect(
      invite(t.db, {
        actor: manager,
        ...withTemplate(await findInvitationTemplate(t.db, admin.accountId, { id }), {}),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const file = [
      "email,template",
      "ann@example.com,Reseller on our terms",
      "bob@example.com,Plain",
      "cid@example.com,Nonexistent",
    ].join("\n");
    const preview = await previewBulkInvitations(t.db, manager, parseBulkCsv(file), now);
    expect(preview.rows.map((r) => [r.email, r.problems])).toEqual([
      ["ann@example.com", ["template_not_allowed"]],
      ["bob@example.com", []],
      // No type of its own, and no template to take one from.
      ["cid@example.com", ["type_unknown", "template_unknown"]],
    ]);
    expect(preview.rows[1]!.input).toMatchObject({
      subaccountType: "reseller",
      locale: "de",
      customMessage: "Willkommen",
    });
    expect(await t.db.$count(invitations)).toBe(0);
  });
});
