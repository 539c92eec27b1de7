import { expect, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { fact } from "./support/forms";

test.use({ storageState: adminState });

test("contracts: status and use in the list, edited, ended today, and deleted while no subaccount uses it", async ({
  page,
}) => {
  const stamp = Date.now();
  const running = `Running ${stamp}`;
  const later = `Later ${stamp}`;
  for (const [name, startsOn] of [
    [running, "2026-01-01"],
    [later, "2099-01-01"],
  ] as const) {
    await page.goto("/contracts");
    const form = page.getByRole("region", { name: "New contract" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Starts on").fill(startsOn);
    await form.getByRole("button", { name: "Create contract" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Contract created." })).toBeVisible();
  }
  await expect(page.getByRole("row").filter({ hasText: running })).toContainText(/Active.*None/);
  await expect(page.getByRole("row").filter({ hasText: later })).toContainText("Upcoming");
  // Status tabs with their counts, and the order of the Term column.
  const tabs = page.getByRole("navigation", { name: "Status" });
  await tabs.getByRole("link", { name: /^Upcoming/ }).click();
  await expect(tabs.getByRole("link", { name: /^Upcoming/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("row").filter({ hasText: later })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: running })).toHaveCount(0);
  await tabs.getByRole("link", { name: /^All/ }).click();
  await expect(page.getByText(/^Showing 1–\d+ of \d+$/)).toBeVisible();
  await page.getByRole("columnheader", { name: "Term" }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: "Term" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(page.getByRole("row").nth(1)).toContainText(later);

  // The whole row opens the contract.
  await page
    .getByRole("row")
    .filter({ hasText: later })
    .getByRole("cell", { name: /Bill to/ })
    .click({ force: true });
  await expect(page.getByRole("heading", { name: later, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${later}`));
  // Not started: it cannot be ended, only deleted (no subaccount uses it).
  await expect(page.getByRole("button", { name: "End contract today" })).toHaveCount(0);
  const edit = page.getByRole("region", { name: "Edit contract" });
  await edit.getByLabel("Name").fill(`${later} (renamed)`);
  await edit.getByRole("button", { name: "Save contract" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contract saved." })).toBeVisible();
  await page.getByRole("button", { name: "Delete contract" }).click();
  await page.getByRole("button", { name: "Yes, delete contract" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contract deleted." })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: later })).toHaveCount(0);

  // The running one ends today.
  await page.getByRole("link", { name: running }).click();
  await page.getByRole("button", { name: "End contract today" }).click();
  await page.getByRole("button", { name: "Yes, end it today" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Contract ended: today is its last day." }),
  ).toBeVisible();
  await page.reload();
  const today = new Date().toLocaleDateString("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  await expect(fact(page.getByRole("region", { name: "Overview" }), "Term")).toHaveText(
    `Jan 1, 2026 – ${today}`,
  );
});
