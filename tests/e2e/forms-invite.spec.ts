import { expect, type Locator, type Page, test } from "@playwright/test";
import { administratorIn } from "./support/accounts";
import { expectErrorSummary, fact } from "./support/forms";
import { acceptLink, waitForEmail } from "./support/mail";
import { LANGS, messages } from "./support/messages";

// Choices that differ from every default, so a form that falls back to one is caught.
for (const lang of LANGS) {
  const m = messages(lang);
  const other =
    lang === "en" ? { value: "de", label: "Deutsch" } : { value: "en", label: "English" };

  test.describe(`invite subaccount (${lang})`, () => {
    test.use({ storageState: administratorIn(lang).state });

    for (const where of ["page", "window"] as const) {
      test(`the ${where} keeps type, language and message after a refusal and sends exactly them`, async ({
        page,
        browser,
      }) => {
        const email = `forms.${where}.${lang}.${Date.now()}@invite.example`;
        const message = `Welcome from the ${where} (${lang}).`;
        let form: Locator | Page;
        if (where === "page") {
          await page.goto("/subaccounts/invite");
          form = page;
        } else {
          await page.goto("/subaccounts");
          await page.getByRole("link", { name: m("common.inviteSubaccount") }).click();
          form = page.getByRole("dialog", { name: m("invite.title") });
          await expect(form).toBeVisible();
        }
        await form.getByLabel(m("invite.email")).fill("not-an-email");
        await form.getByLabel(m("invite.type")).selectOption({ label: m("accountTypes.retail") });
        await form.getByLabel(m("invite.language")).selectOption({ label: other.label });
        await form.getByLabel(m("invite.sendCustomMessage")).check();
        await form.getByLabel(m("invite.customMessage"), { exact: true }).fill(message);
        await form.getByRole("button", { name: m("invite.submit") }).click();

        const summary = await expectErrorSummary(form, m("errors.invalid_input"), [
          `${m("invite.email")}: ${m("validation.email")}`,
        ]);
        await expect(form.getByLabel(m("invite.email"))).toHaveValue("not-an-email");
        await expect(form.getByLabel(m("invite.type"))).toHaveValue("retail");
        await expect(form.getByLabel(m("invite.language"))).toHaveValue(other.value);
        await expect(form.getByLabel(m("invite.sendCustomMessage"))).toBeChecked();
        await expect(form.getByLabel(m("invite.customMessage"), { exact: true })).toHaveValue(
          message,
        );

        // The summary leads to the field; correcting it clears its old error.
        await summary.getByRole("link").first().click();
        await expect(form.getByLabel(m("invite.email"))).toBeFocused();
        await form.getByLabel(m("invite.email")).fill(email);
        await expect(form.getByText(m("validation.email"))).toHaveCount(0);
        await form.getByRole("button", { name: m("invite.submit") }).click();
        await expect(
          page.getByRole("status").filter({ hasText: m("invitations.sent", { email }) }),
        ).toBeVisible();

        // Exactly what was chosen went out: the type, the language and the message.
        await page.getByRole("row").filter({ hasText: email }).getByRole("link").first().click();
        const details = page.getByRole("region", { name: m("invitation.details") });
        await expect(fact(details, m("invitation.type"))).toHaveText(m("accountTypes.retail"));
        await expect(fact(details, m("invitation.language"))).toHaveText(
          m(`common.languages.${other.value}`),
        );
        await expect(
          page.getByRole("region", { name: m("invitation.customMessage") }),
        ).toContainText(message);
        const mail = await waitForEmail(
          email,
          other.value === "de" ? /lädt Sie zu CertPortal ein/ : /invites you to CertPortal/,
        );
        expect(mail.text).toContain(message);

        // The invitee sees the message too.
        const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
        const p = await invitee.newPage();
        await p.goto(acceptLink(mail));
        await expect(p.getByText(message)).toBeVisible();
        await invitee.close();
      });
    }
  });
}
