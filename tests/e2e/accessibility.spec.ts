import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { adminState, germanAdminState } from "./support/accounts";
import { acceptAs, sendInvitation } from "./support/invite";
import { acceptLink, waitForEmail } from "./support/mail";

const WIDTHS = [
  { name: "laptop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

async function expectNoViolations(page: Page, path: string, lang = "en") {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect
    .soft(
      violations.map((v) => ({ page: path, rule: v.id, nodes: v.nodes.map((n) => n.target) })),
      path,
    )
    .toEqual([]);
}

for (const { name, viewport } of WIDTHS) {
  test(`axe finds no violation on any page on a ${name}`, async ({ browser }) => {
    test.setTimeout(300_000);
    const manager = await browser.newContext({ storageState: adminState, viewport });
    const page = await manager.newPage();
    const email = `axe.${name}.${Date.now()}@example.com`;
    await sendInvitation(page, email);
    const invitationPath = new URL(
      (await page
        .getByRole("link", { name: `Pending: details of the invitation to ${email}` })
        .getAttribute("href"))!,
      page.url(),
    ).pathname;
    // A contract, to check its page too.
    const contractName = `Axe contract ${name} ${Date.now()}`;
    await page.goto("/contracts");
    const newContract = page.getByRole("region", { name: "New contract" });
    await newContract.getByLabel("Name").fill(contractName);
    await newContract.getByLabel("Starts on").fill("2026-01-01");
    await newContract.getByRole("button", { name: "Create contract" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Contract created." })).toBeVisible();
    const contractPath = (await page
      .getByRole("link", { name: contractName })
      .getAttribute("href"))!;
    // A webhook endpoint, off and for one type, so nothing is sent to its address.
    await page.goto("/account/webhooks");
    const newEndpoint = page.getByRole("region", { name: "Add an endpoint" });
    const endpointUrl = `http://127.0.0.1:9/axe-${name}-${Date.now()}`;
    await newEndpoint.getByLabel("URL").fill(endpointUrl);
    await newEndpoint.getByLabel("Only the event types ticked below").check();
    await newEndpoint.getByLabel("subaccount.deactivated").check();
    await newEndpoint.getByLabel("On: send events to this endpoint").uncheck();
    await newEndpoint.getByRole("button", { name: "Add endpoint" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Endpoint ${endpointUrl} added.` }),
    ).toBeVisible();
    const endpointPath = (await page
      .getByRole("link", { name: endpointUrl, exact: true })
      .getAttribute("href"))!;
    // A small bulk upload, for the batch's page.
    await page.goto("/subaccounts/invitations/bulk");
    await page.getByLabel("CSV file").setInputFiles({
      name: `axe-${name}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(
        `email,subaccount_type\r\naxe.bulk.${name}.${Date.now()}@example.com,retail\r\nnot-an-address,retail\r\n`,
      ),
    });
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByRole("button", { name: "Send 1 invitation" }).click();
    await expect(page.getByRole("heading", { name: "Bulk invitation", level: 1 })).toBeVisible();
    const batchPath = new URL(page.url()).pathname;
    const signedIn = [
      contractPath,
      "/subaccounts/invitations/bulk",
      batchPath,
      "/account/invitations",
      "/account/invitations/templates/new",
      "/account/webhooks",
      endpointPath,
      "/",
      "/subaccounts",
      "/subaccounts/invitations",
      invitationPath,
      "/subaccounts/invite",
      "/subaccounts/new",
      "/contracts",
      "/account/users",
      "/account/time-zone",
      "/account/api-keys",
    ];
    // A user's page: the first in the list other than the signed-in one.
    await page.goto("/account/users");
    const someone = page
      .locator("tbody tr")
      .filter({ hasNotText: "(you)" })
      .getByRole("link")
      .first();
    signedIn.push((await someone.getAttribute("href"))!);
    for (const path of signedIn) await expectNoViolations(page, path);
    const visitor = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      viewport,
    });
    const guest = await visitor.newPage();
    const link = new URL(acceptLink(await waitForEmail(email, /invites you/)));
    const open = [
      "/sign-in",
      "/forgot-password",
      "/accept/not-a-real-invitation-link-at-all-000000000000000",
      "/set-password/not-a-real-link-000000000000000000000000000000",
      "/api/docs",
    ];
    for (const path of [...open, link.pathname]) await expectNoViolations(guest, path);
    // The invitee's new account, then the manager's page of it.
    const organization = `Axe ${name} ${Date.now()}`;
    await acceptAs(guest, { username: `axe${name}${Date.now()}`, organization });
    await expectNoViolations(guest, "/");
    await page.goto("/subaccounts");
    const subaccount = (await page.getByRole("link", { name: organization }).getAttribute("href"))!;
    const tabs = ["", "?tab=organization", "?tab=billing", "?tab=products", "?tab=activity"].map(
      (tab) => `${subaccount}${tab}`,
    );
    for (const path of tabs) await expectNoViolations(page, path);

    // The same pages in German: the account's German Administrator, and a visitor
    // whose browser asked for German.
    const german = await browser.newContext({ storageState: germanAdminState, viewport });
    const deutsch = await german.newPage();
    for (const path of [...signedIn, ...tabs]) await expectNoViolations(deutsch, path, "de");
    const germanVisitor = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      viewport,
      locale: "de-DE",
    });
    const gast = await germanVisitor.newPage();
    for (const path of open) await expectNoViolations(gast, path, "de");
    await germanVisitor.close();
    await german.close();
    await visitor.close();
    await manager.close();
  });
}
