import { expect, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { acceptLink, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

test("the invitee's page opens in the invitation's language, whatever the browser's, and switches on request", async ({
  page,
  browser,
}) => {
  const email = `lena.${Date.now()}@example.com`;
  await page.goto("/subaccounts/invite");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Invitation language").selectOption("de");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page).toHaveURL(/sent=/);
  const link = acceptLink(await waitForEmail(email, /lädt Sie zu CertPortal ein/));
  expect(link).toMatch(/\?lang=de$/);

  const invitee = await browser.newContext({
    locale: "en-US",
    storageState: { cookies: [], origins: [] },
  });
  const p = await invitee.newPage();
  await p.goto(link);
  await expect(p.getByRole("heading", { name: "Ihr CertPortal-Konto anlegen" })).toBeVisible();
  await expect(p.locator("html")).toHaveAttribute("lang", "de");
  await expect(p.getByRole("button", { name: "Deutsch" })).toHaveAttribute("aria-pressed", "true");

  // The reader's own choice wins over the link's language, and stays.
  await p.getByRole("button", { name: "English" }).click();
  await expect(p.getByRole("heading", { name: "Create your CertPortal account" })).toBeVisible();
  await p.reload();
  await expect(p.getByRole("heading", { name: "Create your CertPortal account" })).toBeVisible();

  // The sign-in page switches too.
  await p.goto("/sign-in");
  await expect(p.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await p.getByRole("button", { name: "Deutsch" }).click();
  await expect(p.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await invitee.close();
});
