import { expect, type Page } from "@playwright/test";

/**
 * Sends an invitation from the invite page, as a manager would: of the default
 * type, or of `type` (its English label).
 */
export async function sendInvitation(page: Page, email: string, { type }: { type?: string } = {}) {
  await page.goto("/subaccounts/invite");
  await page.getByLabel("Email address").fill(email);
  if (type) await page.getByLabel("Subaccount type").selectOption({ label: type });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page).toHaveURL(/sent=/);
}

/** Completes the accept form with valid details and submits it; lands on the welcome page. */
export async function acceptAs(
  page: Page,
  { username, organization }: { username: string; organization: string },
) {
  await page.getByLabel("First name").fill("Alex");
  await page.getByLabel("Last name").fill("Example");
  await page.getByLabel("Legal name of the organization").fill(organization);
  await page.getByLabel("Address", { exact: true }).fill("1 Main Street");
  await page.getByLabel("City", { exact: true }).fill("Springfield");
  await page.getByLabel("Postal code").fill("12345");
  await page.getByLabel("Country", { exact: true }).fill("United States");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("Sturdy-Passw0rd!");
  await page.getByLabel("Confirm password").fill("Sturdy-Passw0rd!");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Alex Example" })).toBeVisible();
}
