import { expect, test } from "@playwright/test";
import { admin, adminState } from "./support/accounts";
import { openSubaccountTab } from "./support/forms";
import { setPasswordLink, waitForEmail } from "./support/mail";
import { messages } from "./support/messages";

const en = messages("en");

test.use({ storageState: adminState });

test("a manager creates a subaccount, sets its terms under and without a contract, and its administrator signs in", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const contractName = `Enterprise Agreement ${stamp}`;
  const subName = `Initech ${stamp}`;
  const adminEmail = `peter.${stamp}@initech.example`;

  // A contract to assign later.
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Contracts" })
    .click();
  const newContract = page.getByRole("region", { name: "New contract" });
  await newContract.getByLabel("Name").fill(contractName);
  // Running already, so it locks billing and pricing at once.
  await newContract.getByLabel("Starts on").fill("2026-01-01");
  await newContract.getByRole("radio", { name: "Bill to subaccount" }).check();
  await newContract.getByRole("radio", { name: "Standard pricing" }).check();
  await newContract.getByRole("button", { name: "Create contract" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contract created." })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: contractName })).toBeVisible();

  await page.goto("/subaccounts");
  await page.getByRole("link", { name: "Create subaccount" }).click();
  await expect(page.getByRole("heading", { name: "Create subaccount" })).toBeVisible();
  // Nothing is created from an incomplete form, and what was typed stays.
  await page.getByLabel("Legal name of the organization").fill(subName);
  await page.getByRole("button", { name: "Create subaccount" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." }),
  ).toBeVisible();
  await expect(page.getByLabel("Legal name of the organization")).toHaveValue(subName);

  await page.getByLabel("Address", { exact: true }).fill("4120 Freidrich Lane");
  await page.getByLabel("City", { exact: true }).fill("Austin");
  await page.getByLabel("Postal code").fill("78744");
  await page.getByLabel("Country", { exact: true }).fill("United States");
  await page.getByLabel("Contact first name").fill("Peter");
  await page.getByLabel("Contact last name").fill("Gibbons");
  await page.getByLabel("Contact email").fill(adminEmail);
  await page.getByLabel("Subaccount type").selectOption({ label: "Enterprise" });
  await page.getByRole("radio", { name: "Bill to parent account" }).check();
  await page.getByLabel("First name", { exact: true }).fill("Peter");
  await page.getByLabel("Last name", { exact: true }).fill("Gibbons");
  await page.getByLabel("Email address").fill(adminEmail);
  await page.getByLabel("Username").fill(`peter${stamp}`);
  await page.getByRole("button", { name: "Create subaccount" }).click();

  await expect(page.getByRole("heading", { name: subName })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Subaccount created." })).toBeVisible();
  await expect(
    page.getByText("The subaccount type can only be changed by your account representative."),
  ).toBeVisible();
  const detailsUrl = page.url();

  // Under a contract, billing and pricing follow it and are locked.
  await openSubaccountTab(page, en, "billing");
  const contract = page.getByRole("region", { name: "Contract", exact: true });
  await contract.getByLabel("Contract").selectOption({ label: contractName });
  await contract.getByRole("button", { name: "Assign contract" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contract assigned" })).toBeVisible();
  const terms = page.getByRole("region", { name: "Billing and pricing" });
  await expect(terms.getByRole("note")).toContainText(contractName);
  await expect(terms.getByRole("button", { name: "Save billing and pricing" })).toHaveCount(0);
  await expect(terms).toContainText("Bill to subaccount");

  await contract.getByRole("button", { name: "Remove contract" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contract removed" })).toBeVisible();
  await terms.getByRole("radio", { name: "Bill to parent account" }).check();
  await terms.getByRole("radio", { name: "Custom pricing" }).check();
  await terms.getByRole("button", { name: "Save billing and pricing" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Billing and pricing saved." }),
  ).toBeVisible();

  await openSubaccountTab(page, en, "products");
  const productsSection = page.getByRole("region", { name: "Products and prices" });
  await productsSection
    .getByLabel("Custom price for Basic TLS/SSL (domain validated)")
    .fill("150.00");
  await productsSection.getByLabel("Secure Email (S/MIME) available to order").uncheck();
  await productsSection.getByRole("button", { name: "Save products and prices" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Products and prices saved." }),
  ).toBeVisible();

  // The administrator chooses a password from the email and signs in to the new subaccount.
  const link = setPasswordLink(await waitForEmail(adminEmail, /Your CertPortal user/));
  const peter = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await peter.newPage();
  await p.goto(link);
  await p.getByLabel("Password", { exact: true }).fill("Initech-Passw0rd!");
  await p.getByLabel("Confirm password").fill("Initech-Passw0rd!");
  await p.getByRole("button", { name: "Set password" }).click();
  await expect(p.getByRole("heading", { name: "Welcome, Peter Gibbons" })).toBeVisible();
  await expect(p.getByRole("region", { name: "Billing" })).toContainText(
    `Your orders are billed to ${admin.accountName}.`,
  );
  const prices = p.getByRole("region", { name: "Your price list" });
  await expect(prices.getByRole("row").filter({ hasText: "Basic TLS/SSL" })).toContainText(
    "$150.00",
  );
  await expect(prices.getByRole("row").filter({ hasText: "Secure Email (S/MIME)" })).toContainText(
    "Not available",
  );

  // Its own page shows who changed its terms, from what to what.
  const own = p.getByRole("region", { name: "Activity of your account" });
  await expect(
    own.getByRole("row").filter({ hasText: "Product: Basic TLS/SSL (domain validated)" }),
  ).toContainText(/Ada Admin.*\$150\.00/);

  // The subaccount cannot look up at its own record in the parent's view.
  await p.goto(new URL(detailsUrl).pathname);
  await expect(p.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(p.getByText("Products and prices")).toHaveCount(0);
  await p.goto("/");

  // The parent deactivates it: its administrator is signed out on the next request.
  await openSubaccountTab(page, en, "overview");
  await page.getByRole("button", { name: "Deactivate subaccount" }).click();
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Subaccount deactivated." }),
  ).toBeVisible();
  await p.reload();
  await expect(p.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await peter.close();

  // A new address is logged field by field.
  await openSubaccountTab(page, en, "organization");
  await page.getByLabel("City", { exact: true }).fill("Round Rock");
  await page.getByLabel("Postal code").fill("78664");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();

  // The subaccount's Activity tab: every change, filtered by kind as it is chosen.
  await openSubaccountTab(page, en, "activity");
  await expect(
    page.getByRole("row").filter({ hasText: "Organization (by the parent account): City" }),
  ).toContainText(/Austin.*Round Rock/);
  await expect(
    page.getByRole("row").filter({ hasText: "Organization (by the parent account): Postal code" }),
  ).toContainText(/78744.*78664/);
  await expect(page).toHaveTitle(new RegExp(`^${subName}`));
  const log = page.getByRole("region", { name: "Activity" });
  await expect(log.getByRole("row").filter({ hasText: "Contract" }).first()).toContainText(
    contractName,
  );
  await expect(log.getByRole("row").filter({ hasText: "Status" })).toContainText(
    /Active.*Deactivated/,
  );
  await log.getByLabel("What").selectOption({ label: "Billing" });
  await expect(page).toHaveURL(/kind=billing/);
  await expect(page).toHaveURL(/tab=activity/);
  await expect(log.getByRole("row").filter({ hasText: "Status" })).toHaveCount(0);
  await expect(log.getByRole("row").filter({ hasText: "Billing" }).first()).toBeVisible();

  await page.goto(`/subaccounts?status=deactivated&q=${encodeURIComponent(subName)}`);
  await expect(page.getByRole("row").filter({ hasText: subName })).toContainText("Deactivated");
});

test("Unterkonto-Details auf Deutsch", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: `${admin.firstName} ${admin.lastName}` }).click();
  await page.getByRole("button", { name: "Deutsch" }).click();
  // The choice is saved before the next page is opened.
  await expect(page.getByRole("heading", { name: /^Willkommen/ })).toBeVisible();
  try {
    await page.goto("/subaccounts");
    await expect(page.getByRole("heading", { name: "Unterkonten" })).toBeVisible();
    await page.getByRole("link", { name: "Unterkonto anlegen" }).click();
    await expect(page.getByRole("heading", { name: "Unterkonto anlegen" })).toBeVisible();
    await expect(
      page.getByRole("radio", { name: "Abrechnung über das übergeordnete Konto" }),
    ).toBeVisible();
    await page.goto("/contracts");
    await expect(page.getByRole("heading", { name: "Verträge" })).toBeVisible();
  } finally {
    await page.goto("/");
    await page.getByRole("button", { name: `${admin.firstName} ${admin.lastName}` }).click();
    await page.getByRole("button", { name: "English" }).click();
  }
});
