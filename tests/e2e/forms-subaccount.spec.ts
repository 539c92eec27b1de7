import { type Browser, expect, type Page, test } from "@playwright/test";
import { admin, administratorIn, germanAdmin } from "./support/accounts";
import { expectErrorSummary, openSubaccountTab, fact } from "./support/forms";
import { waitForEmail } from "./support/mail";
import { LANGS, messages } from "./support/messages";

// Every choice differs from the form's default, so a field that falls back is caught.
for (const lang of LANGS) {
  const m = messages(lang);
  const me = administratorIn(lang);
  const other =
    lang === "en" ? { value: "de", label: "Deutsch" } : { value: "en", label: "English" };
  const billing = (mode: string) => m(`common.billingModes.${mode}`);
  const pricing = (mode: string) => m(`common.pricingModes.${mode}`);

  test.describe(`contracts and subaccounts (${lang})`, () => {
    test.describe.configure({ mode: "serial" });
    test.use({ storageState: me.state });
    const stamp = `${lang}-${Date.now()}`;
    const contractName = `Framework ${stamp}`;
    const subName = `Globex ${stamp}`;
    let detailsUrl = "";

    test("new contract: a refused end date keeps every field, and the contract is created as chosen", async ({
      page,
    }) => {
      await page.goto("/contracts");
      const form = page.getByRole("region", { name: m("contracts.createTitle") });
      await form.getByLabel(m("contracts.name")).fill(contractName);
      await form.getByLabel(m("contracts.startsOn")).fill("2026-03-01");
      await form.getByLabel(m("contracts.endsOn")).fill("2026-02-01");
      await form.getByRole("radio", { name: billing("bill_to_subaccount") }).check();
      await form.getByRole("radio", { name: pricing("standard") }).check();
      await form.getByRole("button", { name: m("contracts.create") }).click();

      await expectErrorSummary(form, m("errors.invalid_input"), [
        `${m("contracts.endsOn")}: ${m("validation.end_before_start")}`,
      ]);
      await expect(form.getByLabel(m("contracts.name"))).toHaveValue(contractName);
      await expect(form.getByLabel(m("contracts.startsOn"))).toHaveValue("2026-03-01");
      await expect(form.getByLabel(m("contracts.endsOn"))).toHaveValue("2026-02-01");
      await expect(form.getByRole("radio", { name: billing("bill_to_subaccount") })).toBeChecked();
      await expect(form.getByRole("radio", { name: pricing("standard") })).toBeChecked();

      await form.getByLabel(m("contracts.endsOn")).fill("2028-02-29");
      await expect(form.getByText(m("validation.end_before_start"))).toHaveCount(0);
      await form.getByRole("button", { name: m("contracts.create") }).click();
      await expect(
        page.getByRole("status").filter({ hasText: m("contracts.created") }),
      ).toBeVisible();
      const row = page.getByRole("row").filter({ hasText: contractName });
      await expect(row).toContainText(billing("bill_to_subaccount"));
      await expect(row).toContainText(pricing("standard"));
      // Ready for the next contract.
      await expect(form.getByLabel(m("contracts.name"))).toHaveValue("");
    });

    test("create subaccount: a taken username keeps every choice, and the subaccount is created with exactly them", async ({
      page,
    }) => {
      const adminEmail = `hank.${stamp}@globex.example`;
      await page.goto("/subaccounts/new");
      await page.getByLabel(m("organization.name")).fill(subName);
      await page
        .getByLabel(m("organization.addressLine1"), { exact: true })
        .fill("1 Cypress Creek");
      await page.getByLabel(m("organization.city"), { exact: true }).fill("Springfield");
      await page.getByLabel(m("organization.postalCode")).fill("49007");
      await page.getByLabel(m("organization.country"), { exact: true }).fill("United States");
      await page.getByLabel(m("organization.contactFirstName")).fill("Hank");
      await page.getByLabel(m("organization.contactLastName")).fill("Scorpio");
      await page.getByLabel(m("organization.contactEmail")).fill(adminEmail);
      await page
        .getByLabel(m("createSubaccount.type"))
        .selectOption({ label: m("accountTypes.reseller") });
      await page.getByRole("radio", { name: billing("bill_to_parent") }).check();
      await page.getByRole("radio", { name: pricing("custom") }).check();
      const mayCreate = page.getByRole("group", { name: m("createSubaccount.allowedTypes") });
      await mayCreate.getByLabel(m("accountTypes.enterprise")).check();
      await mayCreate.getByLabel(m("accountTypes.retail")).check();
      await page.getByLabel(m("createSubaccount.nickname")).fill(`GX ${lang}`);
      await page.getByLabel(m("createSubaccount.adminFirstName"), { exact: true }).fill("Hank");
      await page.getByLabel(m("createSubaccount.adminLastName"), { exact: true }).fill("Scorpio");
      await page.getByLabel(m("createSubaccount.adminEmail"), { exact: true }).fill(adminEmail);
      await page.getByLabel(m("createSubaccount.adminUsername")).fill(admin.username);
      await page.getByLabel(m("createSubaccount.language")).selectOption({ label: other.label });
      await page.getByRole("button", { name: m("createSubaccount.submit") }).click();

      await expectErrorSummary(page, m("errors.username_taken"), [
        `${m("createSubaccount.adminUsername")}: ${m("errors.username_taken")}`,
      ]);
      await expect(page.getByLabel(m("organization.name"))).toHaveValue(subName);
      await expect(page.getByLabel(m("createSubaccount.type"))).toHaveValue("reseller");
      await expect(page.getByRole("radio", { name: billing("bill_to_parent") })).toBeChecked();
      await expect(page.getByRole("radio", { name: pricing("custom") })).toBeChecked();
      await expect(mayCreate.getByLabel(m("accountTypes.enterprise"))).toBeChecked();
      await expect(mayCreate.getByLabel(m("accountTypes.reseller"))).not.toBeChecked();
      await expect(mayCreate.getByLabel(m("accountTypes.retail"))).toBeChecked();
      await expect(page.getByLabel(m("createSubaccount.nickname"))).toHaveValue(`GX ${lang}`);
      await expect(page.getByLabel(m("createSubaccount.language"))).toHaveValue(other.value);

      await page.getByLabel(m("createSubaccount.adminUsername")).fill(`hank.${stamp}`);
      await page.getByRole("button", { name: m("createSubaccount.submit") }).click();
      await expect(page.getByRole("heading", { name: subName })).toBeVisible();
      detailsUrl = new URL(page.url()).pathname;

      const overview = page.getByRole("region", { name: m("subaccount.overview") });
      await expect(fact(overview, m("subaccount.type"))).toContainText(m("accountTypes.reseller"));
      await expect(fact(overview, m("subaccount.mayCreate"))).toHaveText(
        `${m("accountTypes.enterprise")}, ${m("accountTypes.retail")}`,
      );
      await expect(fact(overview, m("subaccount.nickname"))).toHaveText(`GX ${lang}`);
      await openSubaccountTab(page, m, "billing");
      const terms = page.getByRole("region", { name: m("subaccount.terms") });
      await expect(terms.getByRole("radio", { name: billing("bill_to_parent") })).toBeChecked();
      await expect(terms.getByRole("radio", { name: pricing("custom") })).toBeChecked();
      // The administrator's email is written in the chosen language.
      await waitForEmail(
        adminEmail,
        other.value === "de" ? /Ihr CertPortal-Benutzer/ : /Your CertPortal user/,
      );
    });

    test("organization details: a refusal keeps what was typed; the save is what was typed", async ({
      page,
    }) => {
      await page.goto(detailsUrl);
      await openSubaccountTab(page, m, "organization");
      const section = page.getByRole("region", { name: m("organization.section") });
      await section.getByLabel(m("organization.name")).fill(`${subName} Inc`);
      await section.getByLabel(m("organization.city"), { exact: true }).fill("");
      await section.getByLabel(m("organization.region")).fill("Oregon");
      await section.getByLabel(m("createSubaccount.nickname")).fill(`Globex ${lang}`);
      await section.getByRole("button", { name: m("organization.save") }).click();
      await expectErrorSummary(section, m("errors.invalid_input"), [
        `${m("organization.city")}: ${m("validation.required")}`,
      ]);
      await expect(section.getByLabel(m("organization.name"))).toHaveValue(`${subName} Inc`);
      await expect(section.getByLabel(m("organization.region"))).toHaveValue("Oregon");
      await expect(section.getByLabel(m("createSubaccount.nickname"))).toHaveValue(
        `Globex ${lang}`,
      );
      await section.getByLabel(m("organization.city"), { exact: true }).fill("Cypress Creek");
      await section.getByRole("button", { name: m("organization.save") }).click();
      await expect(
        section.getByRole("status").filter({ hasText: m("organization.saved") }),
      ).toBeVisible();

      await page.reload();
      await expect(page.getByRole("heading", { name: `${subName} Inc` })).toBeVisible();
      await expect(section.getByLabel(m("organization.city"), { exact: true })).toHaveValue(
        "Cypress Creek",
      );
      await expect(section.getByLabel(m("organization.region"))).toHaveValue("Oregon");
    });

    test("billing and pricing: refused while a contract is assigned, kept, then saved as chosen", async ({
      page,
      browser,
    }) => {
      await page.goto(detailsUrl);
      await openSubaccountTab(page, m, "billing");
      const terms = page.getByRole("region", { name: m("subaccount.terms") });
      await terms.getByRole("radio", { name: billing("bill_to_subaccount") }).check();
      await terms.getByRole("radio", { name: pricing("standard") }).check();

      // Meanwhile, in another window, a contract is assigned: the form's save is refused.
      const second = await browser.newContext({ storageState: me.state });
      const other = await second.newPage();
      await other.goto(detailsUrl);
      await openSubaccountTab(other, m, "billing");
      const contract = other.getByRole("region", { name: m("subaccount.contract"), exact: true });
      await contract.getByLabel(m("subaccount.contract")).selectOption({ label: contractName });
      await expect(contract.getByLabel(m("subaccount.contract"))).toHaveValue(/.+/);
      await contract.getByRole("button", { name: m("subaccount.assignContract") }).click();
      await expect(
        other.getByRole("status").filter({ hasText: m("subaccount.contractAssigned") }),
      ).toBeVisible();
      // After the save the select shows the contract that was assigned.
      await expect(
        contract.getByLabel(m("subaccount.contract")).locator("option:checked"),
      ).toHaveText(contractName);

      await terms.getByRole("button", { name: m("subaccount.saveTerms") }).click();
      await expectErrorSummary(terms, m("errors.subaccount_locked_by_contract"));
      await expect(terms.getByRole("radio", { name: billing("bill_to_subaccount") })).toBeChecked();
      await expect(terms.getByRole("radio", { name: pricing("standard") })).toBeChecked();

      await other.reload();
      await contract.getByRole("button", { name: m("subaccount.removeContract") }).click();
      await expect(
        other.getByRole("status").filter({ hasText: m("subaccount.contractRemoved") }),
      ).toBeVisible();
      await second.close();

      await terms.getByRole("button", { name: m("subaccount.saveTerms") }).click();
      await expect(
        terms.getByRole("status").filter({ hasText: m("subaccount.termsSaved") }),
      ).toBeVisible();
      await expect(terms.getByRole("radio", { name: billing("bill_to_subaccount") })).toBeChecked();
      await expect(terms.getByRole("radio", { name: pricing("standard") })).toBeChecked();
      await page.reload();
      await expect(terms.getByRole("radio", { name: billing("bill_to_subaccount") })).toBeChecked();
      await expect(terms.getByRole("radio", { name: pricing("standard") })).toBeChecked();
    });

    test("products and prices: one bad price keeps every price and every unticked product", async ({
      page,
    }) => {
      await page.goto(detailsUrl);
      await openSubaccountTab(page, m, "products");
      const products = page.getByRole("region", { name: m("subaccount.products") });
      const names: string[] = [];
      for (const row of [1, 2, 3])
        names.push(
          (await products.getByRole("row").nth(row).getByRole("cell").first().innerText()).trim(),
        );
      const [first, second, third] = names as [string, string, string];
      const price = (product: string) =>
        products.getByLabel(m("subaccount.customPriceFor", { product }));
      const available = (product: string) =>
        products.getByLabel(m("subaccount.availableToOrder", { product }));

      await price(first).fill("199,50");
      await available(second).uncheck();
      await price(third).fill("12,34.5");
      await products.getByRole("button", { name: m("subaccount.saveProducts") }).click();

      await expectErrorSummary(products, m("errors.invalid_input"), [
        `${m("subaccount.customPriceFor", { product: third })}: ${m("validation.invalid_price")}`,
      ]);
      await expect(price(first)).toHaveValue("199,50");
      await expect(available(first)).toBeChecked();
      await expect(available(second)).not.toBeChecked();
      await expect(price(third)).toHaveValue("12,34.5");

      await price(third).fill("1.234,5");
      await products.getByRole("button", { name: m("subaccount.saveProducts") }).click();
      await expect(
        products.getByRole("status").filter({ hasText: m("subaccount.productsSaved") }),
      ).toBeVisible();

      await page.reload();
      const decimals = (text: string) => (lang === "de" ? text : text.replace(",", "."));
      await expect(price(first)).toHaveValue(decimals("199,50"));
      await expect(available(second)).not.toBeChecked();
      await expect(price(third)).toHaveValue(decimals("1234,50"));
      await expect(available(first)).toBeChecked();
    });

    test("account manager: a refused choice stays chosen; after a save the select shows the saved manager", async ({
      page,
      browser,
    }) => {
      // A user who is deactivated while the form is open cannot become account manager.
      const leaving = { first: "Lea", last: `Leaving ${stamp}` };
      await addUser(browser, me.state, m, leaving, `lea.${stamp}`);
      await page.goto(detailsUrl);
      const section = page.getByRole("region", { name: m("subaccount.manager"), exact: true });
      const select = section.getByLabel(m("subaccount.manager"));
      await select.selectOption({ label: `${leaving.first} ${leaving.last}` });
      await deactivateUser(browser, me.state, m, `${leaving.first} ${leaving.last}`);
      await section.getByRole("button", { name: m("subaccount.saveManager") }).click();
      await expectErrorSummary(section, m("errors.account_manager_not_found"));
      await expect(select.locator("option:checked")).toHaveText(`${leaving.first} ${leaving.last}`);

      const chosen =
        lang === "en"
          ? `${germanAdmin.firstName} ${germanAdmin.lastName}`
          : `${admin.firstName} ${admin.lastName}`;
      await select.selectOption({ label: chosen });
      await section.getByRole("button", { name: m("subaccount.saveManager") }).click();
      await expect(
        section.getByRole("status").filter({ hasText: m("subaccount.managerSaved") }),
      ).toBeVisible();
      await expect(select.locator("option:checked")).toHaveText(chosen);
      // Saving again keeps it.
      await section.getByRole("button", { name: m("subaccount.saveManager") }).click();
      await expect(select.locator("option:checked")).toHaveText(chosen);
      await page.reload();
      await expect(select.locator("option:checked")).toHaveText(chosen);
      await expect(
        fact(page.getByRole("region", { name: m("subaccount.overview") }), m("subaccount.manager")),
      ).toHaveText(chosen);
    });
  });
}

type Message = ReturnType<typeof messages>;

async function addUser(
  browser: Browser,
  state: string,
  m: Message,
  name: { first: string; last: string },
  username: string,
) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.goto("/account/users");
  const add = page.getByRole("region", { name: m("users.addTitle") });
  await add.getByLabel(m("users.firstName")).fill(name.first);
  await add.getByLabel(m("users.lastName")).fill(name.last);
  await add.getByLabel(m("users.email")).fill(`${username}@northwind.example`);
  await add.getByLabel(m("users.username")).fill(username);
  await add.getByLabel(m("users.role")).selectOption("manager");
  await add.getByRole("button", { name: m("users.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: name.last })).toBeVisible();
  await context.close();
}

async function deactivateUser(browser: Browser, state: string, m: Message, name: string) {
  const context = await browser.newContext({ storageState: state });
  const page: Page = await context.newPage();
  await page.goto("/account/users");
  await page.getByRole("button", { name: `${m("users.deactivate")}: ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: m("users.deactivated") })).toBeVisible();
  await context.close();
}
