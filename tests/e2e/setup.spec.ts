import { expect, test } from "@playwright/test";
import { admin, adminState } from "./support/accounts";

test("first run: set up the partner account, sign out, sign in again", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up CertPortal" })).toBeVisible();

  await page.getByLabel("Organization name").fill(admin.accountName);
  await page.getByLabel("First name").fill(admin.firstName);
  await page.getByLabel("Last name").fill(admin.lastName);
  await page.getByLabel("Email address").fill(admin.email);
  await page.getByLabel("Username").fill(admin.username);
  // A weak password is refused with the reason, and what was typed stays.
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Organization name")).toHaveValue(admin.accountName);

  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(
    page.getByRole("heading", { name: `Welcome, ${admin.firstName} ${admin.lastName}` }),
  ).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Subaccounts" }),
  ).toBeVisible();

  // The development mailbox does not exist in a production build.
  expect((await page.request.get("/dev/mailbox")).status()).toBe(404);

  // Setup is closed for good now.
  const closed = await page.request.get("/setup");
  expect(closed.status()).toBe(404);

  await page.getByRole("button", { name: `${admin.firstName} ${admin.lastName}` }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.getByLabel("Username").fill(admin.username);
  await page.getByLabel("Password").fill("Wrong-passw0rd!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The username or password is not correct." }),
  ).toBeVisible();

  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
  await page.context().storageState({ path: adminState });
});
