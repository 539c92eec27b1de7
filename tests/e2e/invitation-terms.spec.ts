import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { acceptAs } from "./support/invite";
import { acceptLink, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

/** axe on the page as it stands (the terms opened, say), which a check on load does not see. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target) }))).toEqual([]);
}

test("an Administrator invites on terms; the invitee sees the prices shown, and the subaccount starts on them", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const email = `terms.${stamp}@contoso.example`;
  const organization = `Terms Ltd ${stamp}`;

  await page.goto("/subaccounts/invite");
  await page.getByLabel("Email address").fill(email);
  await page.getByText("Terms for the new subaccount (optional)").click();
  await page.getByLabel("Bill to parent account").check();
  await page.getByLabel("Custom pricing").check();
  await page.getByLabel("Custom price for Basic TLS/SSL (domain validated)").fill("150.00");
  await page.getByLabel("Code Signing available to order").uncheck();
  await page.getByLabel("Show the custom prices on the invitation's accept page").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page).toHaveURL(/sent=/);

  // The invitation's page says what the subaccount will start with.
  await page.getByRole("link", { name: `Pending: details of the invitation to ${email}` }).click();
  const terms = page.getByRole("region", { name: "Terms for the new subaccount" });
  await expect(terms).toContainText("Bill to parent account");
  await expect(terms).toContainText("Custom pricing");
  await expect(terms).toContainText("1 custom price");
  await expect(terms).toContainText("1 product not available");

  // They can change while it is pending; the change is in its history.
  await terms.getByText("Change the terms").click();
  await expectAccessible(page);
  await terms.getByLabel("Custom price for Basic TLS/SSL (domain validated)").fill("140");
  await terms.getByRole("button", { name: "Save terms" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Terms saved." })).toBeVisible();
  await expect(page.getByText(/Terms for the new subaccount changed by Ada Admin/)).toBeVisible();

  const link = acceptLink(await waitForEmail(email, /invites you/));
  const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await invitee.newPage();
  await p.goto(link);
  const prices = p.getByRole("table", { name: "What your account will pay" });
  await expect(
    prices.getByRole("row").filter({ hasText: "Basic TLS/SSL (domain validated)" }),
  ).toContainText("$140.00");
  await expect(prices.getByRole("row").filter({ hasText: "Code Signing" })).toContainText(
    "Not available",
  );
  await expectAccessible(p);
  await acceptAs(p, { username: `terms${stamp}`, organization });
  await invitee.close();

  await page.goto("/subaccounts");
  await page.getByRole("link", { name: organization }).first().click();
  await page.getByRole("link", { name: "Billing & pricing" }).click();
  await expect(page.getByLabel("Bill to parent account")).toBeChecked();
  await expect(page.getByLabel("Custom pricing")).toBeChecked();
});

test("an Administrator keeps a template; the invite form starts from it and stays editable", async ({
  page,
}) => {
  const stamp = Date.now();
  const name = `Resellers ${stamp}`;
  await page.goto("/account/invitations");
  await page.getByRole("link", { name: "New template" }).click();
  await page.getByLabel("Template name").fill(name);
  await page
    .getByLabel("Subaccount type", { exact: true })
    .selectOption({ label: "Reseller/Partner" });
  await page.getByLabel("Language").selectOption("de");
  await page.getByLabel("Send custom message").check();
  await page.getByLabel("Custom message", { exact: true }).fill("Willkommen bei Northwind");
  await page.getByLabel("Bill to parent account").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Template created." })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Sets terms");

  await page.goto("/subaccounts/invite");
  await page.getByLabel("Start from a template").selectOption({ label: name });
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page.getByRole("status").filter({ hasText: `“${name}”` })).toBeVisible();
  await expect(page.getByLabel("Subaccount type", { exact: true })).toHaveValue("reseller");
  await expect(page.getByLabel("Language")).toHaveValue("de");
  await expect(page.getByLabel("Custom message", { exact: true })).toHaveValue(
    "Willkommen bei Northwind",
  );
  await expect(page.getByLabel("Bill to parent account")).toBeChecked();
  // Filled in, not fixed: the message changes for this invitation only.
  await page.getByLabel("Custom message", { exact: true }).fill("Willkommen, Frau Meier");
  const email = `template.${stamp}@contoso.example`;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page).toHaveURL(/sent=/);
  await page.getByRole("link", { name: `Pending: details of the invitation to ${email}` }).click();
  await expect(page.getByText("Willkommen, Frau Meier")).toBeVisible();
  await expect(page.getByRole("region", { name: "Terms for the new subaccount" })).toContainText(
    "Bill to parent account",
  );
});
