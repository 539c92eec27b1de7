import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { fact } from "./support/forms";
import { sendInvitation } from "./support/invite";

test.use({ storageState: adminState });

test("Manage invitations at dozens of rows: search as typed, pages both ways, status tabs, row actions, the whole row, CSV of the view", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const tag = `rows${Date.now()}`;
  const address = (i: number) => `${tag}.${i}@example.com`;
  // The first two from the invite window, one after the other.
  await page.goto("/subaccounts");
  await page.getByRole("link", { name: "Invite subaccount" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite subaccount" });
  await expect(dialog.getByLabel("Email address")).toBeFocused();
  for (const i of [0, 1]) {
    await dialog.getByLabel("Email address").fill(address(i));
    await dialog.getByRole("button", { name: "Send and invite another" }).click();
    await expect(
      dialog.getByRole("status").filter({ hasText: `Invitation sent to ${address(i)}.` }),
    ).toBeVisible();
    await expect(dialog.getByLabel("Email address")).toHaveValue("");
    await expect(dialog.getByLabel("Email address")).toBeFocused();
  }
  for (let i = 2; i < 27; i++) await sendInvitation(page, address(i));

  await page.goto("/subaccounts/invitations");
  // The search applies once typing pauses, without pressing Apply.
  await page.getByLabel("Search by email").fill(tag);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
  await expect(page.getByText("Showing 1–25", { exact: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: tag })).toHaveCount(25);
  await expect(page.getByLabel("Search by email")).toBeFocused();
  // Newest first: the last one sent leads; "Sent" shows the time too.
  await expect(page.getByRole("row").nth(1)).toContainText(address(26));
  await expect(page.getByRole("row").nth(1)).toContainText(/\d{1,2}:\d{2}/);

  const pages = page.getByRole("navigation", { name: "Pagination" });
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByText("Showing 26–27", { exact: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: address(0) })).toBeVisible();
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByText("Showing 1–25", { exact: true })).toBeVisible();
  await expect(page.getByRole("row").nth(1)).toContainText(address(26));

  // The order follows the Sent column's header.
  await page.getByRole("columnheader", { name: "Sent", exact: true }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: "Sent", exact: true })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  // The filters' own order follows, so the next search keeps it.
  await expect(page.getByLabel("Order")).toHaveValue("oldest");
  await expect(page.getByRole("row").nth(1)).toContainText(address(0));

  // Tabs: the status with its count, keeping the search.
  const tabs = page.getByRole("navigation", { name: "Status" });
  const pendingTab = tabs.getByRole("link", { name: /^Pending/ });
  await pendingTab.click();
  await expect(pendingTab).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveURL(new RegExp(`status=pending.*q=${tag}|q=${tag}.*status=pending`));
  // Where expiries show, their column orders the list too: the earliest first.
  const expires = page.getByRole("columnheader", { name: "Expires", exact: true });
  await expires.getByRole("link").click();
  await expect(expires).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByLabel("Order")).toHaveValue("expires");
  await expect(page.getByRole("row").nth(1)).toContainText(address(0));
  await expires.getByRole("link").click();
  await expect(expires).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByRole("row").nth(1)).toContainText(address(26));
  await expires.getByRole("link").click();
  await expect(expires).toHaveAttribute("aria-sort", "ascending");
  const canceledCount = Number(
    (await tabs.getByRole("link", { name: /^Canceled/ }).innerText()).replace(/\D/g, ""),
  );

  // Row actions, from each row's menu: resend one, cancel another after confirming.
  const first = page.getByRole("row").filter({ hasText: address(0) });
  const menu = first.getByRole("button", { name: `Actions for the invitation to ${address(0)}` });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(first.getByRole("button", { name: /^Resend/ })).toHaveCount(0);
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await first.getByRole("button", { name: `Resend the invitation to ${address(0)}` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Invitation sent again to ${address(0)}.` }),
  ).toBeVisible();
  const second = page.getByRole("row").filter({ hasText: address(1) });
  await second.getByRole("button", { name: `Actions for the invitation to ${address(1)}` }).click();
  await second.getByRole("button", { name: `Cancel the invitation to ${address(1)}` }).click();
  await second.getByRole("button", { name: "Yes, cancel invitation" }).click();
  // The answer stands above the list and takes focus: the row it came from is gone.
  await expect(page.getByRole("status").filter({ hasText: "Invitation canceled." })).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "Invitation canceled." }).locator(".."),
  ).toBeFocused();
  // It leaves the Pending tab, and the Canceled tab counts it.
  await expect(page.getByRole("row").filter({ hasText: address(1) })).toHaveCount(0);
  await expect(tabs.getByRole("link", { name: /^Canceled/ })).toContainText(
    String(canceledCount + 1),
  );

  // A click anywhere on a row opens its details, not only on the status.
  await page
    .getByRole("row")
    .filter({ hasText: address(2) })
    .getByRole("cell", { name: "Enterprise" })
    .click({ force: true });
  await expect(page.getByRole("heading", { name: `Invitation to ${address(2)}` })).toBeVisible();

  // The CSV holds the whole filtered view, not just the page on screen.
  await page.goto(`/subaccounts/invitations?q=${tag}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^invitations-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await file.path())!, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe(
    "\uFEFFStatus,Delivery,Email,Subaccount type,Sent by,Last sent (UTC),Expires (UTC)",
  );
  expect(lines).toHaveLength(28);
  expect(lines.find((l) => l.includes(address(1)))).toMatch(/^Canceled,/);
  expect(lines.filter((l) => l.includes(tag))).toHaveLength(27);

  // The home page's figure leads to the list it counts.
  await page.goto("/");
  await fact(page, "Pending invitations").getByRole("link").click();
  await expect(
    page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: /^Pending/ }),
  ).toHaveAttribute("aria-current", "page");
});
