import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { admin, adminState, germanAdmin, germanAdminState } from "./support/accounts";
import { setPasswordLink, waitForEmail } from "./support/mail";
import { serverLog } from "./support/server-log";

test("first run: set up the partner account, sign out, sign in again", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up CertPortal" })).toBeVisible();

  // A production server asks for the one-time code it printed to its log at start.
  const code = /setup code \(valid \d+ hours\): ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){4})/.exec(
    readFileSync(serverLog(3200), "utf8"),
  )?.[1];
  expect(code).toBeTruthy();
  await page.getByLabel("Setup code").fill("AAAA-BBBB-CCCC-DDDD-EEEE");
  await page.getByLabel("Organization name").fill(admin.accountName);
  await page.getByLabel("First name").fill(admin.firstName);
  await page.getByLabel("Last name").fill(admin.lastName);
  await page.getByLabel("Email address").fill(admin.email);
  await page.getByLabel("Username").fill(admin.username);
  // The strength hint says nothing until something is typed.
  await expect(page.getByText("Password strength")).toHaveCount(0);
  // A weak password is refused with the reason, and what was typed stays; the
  // passwords are cleared and focus moves to the summary of the problems.
  await page.getByLabel("Password", { exact: true }).fill("short");
  await expect(page.getByText("Password strength: too weak")).toBeVisible();
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  const summary = page
    .getByRole("alert")
    .filter({ hasText: "Please correct the highlighted fields." });
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole("link", { name: "Password: Use at least 12 characters." }),
  ).toBeVisible();
  await expect(page.getByLabel("Organization name")).toHaveValue(admin.accountName);
  await expect(page.getByLabel("First name")).toHaveValue(admin.firstName);
  await expect(page.getByLabel("Last name")).toHaveValue(admin.lastName);
  await expect(page.getByLabel("Email address")).toHaveValue(admin.email);
  await expect(page.getByLabel("Username")).toHaveValue(admin.username);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Confirm password")).toHaveValue("");
  await expect(page.getByText("Password strength")).toHaveCount(0);
  // The summary's link leads to the field.
  await summary.getByRole("link", { name: "Password: Use at least 12 characters." }).click();
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();

  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // A wrong code is refused, and nothing is created.
  await expect(
    page.getByRole("link", { name: /^Setup code: This setup code is not valid/ }),
  ).toBeVisible();
  await page.getByLabel("Setup code").fill(code!.toLowerCase());
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

test("a second Administrator who reads the portal in German", async ({ browser }) => {
  const context = await browser.newContext({ storageState: adminState });
  const ada = await context.newPage();
  await ada.goto("/account/users");
  const add = ada.getByRole("region", { name: "Add a user" });
  await add.getByLabel("First name").fill(germanAdmin.firstName);
  await add.getByLabel("Last name").fill(germanAdmin.lastName);
  await add.getByLabel("Email address").fill(germanAdmin.email);
  await add.getByLabel("Username").fill(germanAdmin.username);
  await add.getByLabel("Role").selectOption({ label: "Administrator" });
  await add.getByLabel("Email language").selectOption({ label: "Deutsch" });
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(ada.getByRole("status").filter({ hasText: "was added" })).toBeVisible();
  await context.close();

  const link = setPasswordLink(await waitForEmail(germanAdmin.email, /CertPortal/));
  const dieter = await browser.newContext({ locale: "de-DE" });
  const page = await dieter.newPage();
  await page.goto(link);
  await page.getByLabel("Passwort", { exact: true }).fill(germanAdmin.password);
  await page.getByLabel("Passwort bestätigen").fill(germanAdmin.password);
  await page.getByRole("button", { name: "Passwort setzen" }).click();
  await expect(
    page.getByRole("heading", {
      name: `Willkommen, ${germanAdmin.firstName} ${germanAdmin.lastName}`,
    }),
  ).toBeVisible();
  await dieter.storageState({ path: germanAdminState });
  await dieter.close();
});
