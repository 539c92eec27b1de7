import { expect, type Locator, type Page } from "@playwright/test";

/** The value beside a term in a list of facts (`<dt>`/`<dd>`). */
export function fact(scope: Page | Locator, term: string): Locator {
  return scope
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${escape(term)}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/**
 * After a refusal: focus is on the error summary at the top of the form, which
 * names each problem with a link to its field.
 */
export async function expectErrorSummary(
  scope: Page | Locator,
  title: string,
  problems: string[] = [],
): Promise<Locator> {
  const summary = scope.getByRole("alert").filter({ hasText: title });
  await expect(summary).toBeFocused();
  for (const problem of problems)
    await expect(summary.getByRole("link", { name: problem, exact: true })).toBeVisible();
  return summary;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Opens a tab of a subaccount's page ("billing", "products", …) in the reader's language. */
export async function openSubaccountTab(
  page: Page,
  m: (key: string) => string,
  tab: "overview" | "organization" | "billing" | "products" | "activity",
) {
  const link = page
    .getByRole("navigation", { name: m("subaccount.tabsLabel") })
    .getByRole("link", { name: m(`subaccount.tabs.${tab}`), exact: true });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}
