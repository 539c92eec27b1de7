import { expect, test } from "@playwright/test";
import { admin, adminState } from "./support/accounts";

test.use({ storageState: adminState });

test("switches the app to German and keeps the choice for the user", async ({ page, browser }) => {
  await page.goto("/");
  await page.getByRole("button", { name: `${admin.firstName} ${admin.lastName}` }).click();
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(
    page.getByRole("heading", { name: `Willkommen, ${admin.firstName} ${admin.lastName}` }),
  ).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(
    page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Unterkonten" }),
  ).toBeVisible();

  // The preference belongs to the user: a fresh browser with English settings still gets German.
  const other = await browser.newContext({ storageState: adminState, locale: "en-US" });
  const otherPage = await other.newPage();
  await otherPage.goto("/");
  await expect(otherPage.getByRole("heading", { name: /^Willkommen/ })).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: `${admin.firstName} ${admin.lastName}` }).click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
});

test("a visitor's browser language picks the sign-in page's language", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "de-DE",
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await expect(page.getByLabel("Benutzername")).toBeVisible();
  await context.close();
});
