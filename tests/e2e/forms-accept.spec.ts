import { expect, test } from "@playwright/test";
import { admin, administratorIn } from "./support/accounts";
import { expectErrorSummary } from "./support/forms";
import { acceptLink, waitForEmail } from "./support/mail";
import { LANGS, messages } from "./support/messages";

for (const lang of LANGS) {
  const m = messages(lang);

  test.describe(`accept an invitation (${lang})`, () => {
    test.use({ storageState: administratorIn(lang).state });

    test("a taken username keeps every detail and clears the passwords; the account is created with exactly them", async ({
      page,
      browser,
    }) => {
      const stamp = `${lang}${Date.now()}`;
      const email = `ines.${stamp}@initrode.example`;
      await page.goto("/subaccounts/invite");
      await page.getByLabel(m("invite.email")).fill(email);
      await page.getByLabel(m("invite.language")).selectOption(lang);
      await page.getByRole("button", { name: m("invite.submit") }).click();
      await expect(page.getByRole("status").filter({ hasText: email })).toBeVisible();
      const link = acceptLink(await waitForEmail(email, /CertPortal/));

      const context = await browser.newContext({
        locale: lang === "de" ? "de-DE" : "en-US",
        storageState: { cookies: [], origins: [] },
      });
      const p = await context.newPage();
      await p.goto(link);
      // Optional details wait behind one disclosure.
      await expect(p.getByLabel(m("organization.region"))).toBeHidden();
      await p.getByText(m("accept.moreDetails")).click();
      const optional = (key: string) => `${m(key)} (${m("common.optional")})`;
      const details: [string, string][] = [
        [m("accept.firstName"), "Ines"],
        [m("accept.lastName"), `Initrode ${stamp}`],
        [optional("accept.phone"), "+49 30 1234567"],
        [optional("accept.jobTitle"), "IT lead"],
        [m("organization.name"), `Initrode ${stamp} GmbH`],
        [m("organization.addressLine1"), "Am Markt 3"],
        [m("organization.addressLine2"), "Hinterhaus"],
        [m("organization.city"), "Leipzig"],
        [m("organization.region"), "Sachsen"],
        [m("organization.postalCode"), "04109"],
        [m("organization.country"), "Deutschland"],
        [m("organization.phone"), "+49 341 7654321"],
      ];
      for (const [label, value] of details) await p.getByLabel(label, { exact: true }).fill(value);
      await p.getByLabel(m("accept.username")).fill(admin.username);
      await p.getByLabel(m("password.password"), { exact: true }).fill("Initrode-Passw0rd!");
      await p.getByLabel(m("password.confirm")).fill("Initrode-Passw0rd!");
      await p.getByRole("button", { name: m("accept.submit") }).click();

      await expectErrorSummary(p, m("errors.username_taken"), [
        `${m("accept.username")}: ${m("errors.username_taken")}`,
      ]);
      for (const [label, value] of details)
        await expect(p.getByLabel(label, { exact: true })).toHaveValue(value);
      await expect(p.getByLabel(m("accept.username"))).toHaveValue(admin.username);
      await expect(p.getByLabel(m("password.password"), { exact: true })).toHaveValue("");
      await expect(p.getByLabel(m("password.confirm"))).toHaveValue("");

      await p.getByLabel(m("accept.username")).fill(`ines.${stamp}`);
      await p.getByLabel(m("password.password"), { exact: true }).fill("Initrode-Passw0rd!");
      await p.getByLabel(m("password.confirm")).fill("Initrode-Passw0rd!");
      await p.getByRole("button", { name: m("accept.submit") }).click();
      await expect(
        p.getByRole("heading", { name: m("home.title", { name: `Ines Initrode ${stamp}` }) }),
      ).toBeVisible();

      // The new account's own organization form shows what was given, and keeps it after a refusal.
      const org = p.getByRole("region", { name: m("organization.section") });
      await expect(org.getByLabel(m("organization.name"))).toHaveValue(`Initrode ${stamp} GmbH`);
      await expect(org.getByLabel(m("organization.region"))).toHaveValue("Sachsen");
      await expect(org.getByLabel(m("organization.phone"))).toHaveValue("+49 341 7654321");
      await org.getByLabel(m("organization.addressLine2")).fill("Vorderhaus");
      await org.getByLabel(m("organization.contactEmail")).fill("not an email");
      await org.getByRole("button", { name: m("organization.save") }).click();
      await expectErrorSummary(org, m("errors.invalid_input"), [
        `${m("organization.contactEmail")}: ${m("validation.email")}`,
      ]);
      await expect(org.getByLabel(m("organization.addressLine2"))).toHaveValue("Vorderhaus");
      await org.getByLabel(m("organization.contactEmail")).fill(`it.${stamp}@initrode.example`);
      await org.getByRole("button", { name: m("organization.save") }).click();
      await expect(
        org.getByRole("status").filter({ hasText: m("organization.saved") }),
      ).toBeVisible();
      await p.reload();
      await expect(org.getByLabel(m("organization.addressLine2"))).toHaveValue("Vorderhaus");
      await expect(org.getByLabel(m("organization.contactEmail"))).toHaveValue(
        `it.${stamp}@initrode.example`,
      );
      await context.close();
    });
  });
}
