import { expect, type Page, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { sendInvitation } from "./support/invite";

test.use({ storageState: adminState, viewport: { width: 390, height: 844 } });

const fitsTheScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("on a phone: the menu opens from a button, lists are cards that fit the screen, and a long address wraps as a whole", async ({
  page,
}) => {
  const email = `maximiliane.mustermann-luedenscheid.${Date.now()}@beispielunternehmen.example`;
  await sendInvitation(page, email);
  expect(await fitsTheScreen(page)).toBe(true);

  // The navigation is one button until it is opened.
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Subaccounts" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Subaccounts" }).click();
  await expect(page.getByRole("heading", { name: "Subaccounts", level: 1 })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Subaccounts" })).toBeHidden();
  expect(await fitsTheScreen(page)).toBe(true);

  await page.goto("/subaccounts/invitations");
  expect(await fitsTheScreen(page)).toBe(true);
  const row = page.getByRole("row").filter({ hasText: email });
  // A card: each value under its column's name, within the screen.
  const card = await row.boundingBox();
  expect(card!.x).toBeGreaterThanOrEqual(0);
  expect(card!.x + card!.width).toBeLessThanOrEqual(390);
  // The cell is named by its column on a phone, for a screen reader too.
  const address = row.getByRole("cell", { name: `Email ${email}`, exact: true });
  await expect(address).toBeVisible();
  // Wrapped at most over a few lines, never a letter a line.
  expect((await address.boundingBox())!.height).toBeLessThan(100);
  expect(await address.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe(
    '"Email"',
  );
  await row.getByRole("button", { name: `Actions for the invitation to ${email}` }).click();
  await expect(
    row.getByRole("button", { name: `Resend the invitation to ${email}` }),
  ).toBeVisible();

  // The header keeps the user menu on the screen however long the names are.
  const userMenu = page.getByRole("banner").getByRole("button");
  const box = (await userMenu.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});
