import { getTranslations } from "next-intl/server";
import { FilterBar } from "@/app/_components/filter-bar";
import type { SubaccountListParams } from "@/lib/subaccounts/queries";
import { ACCOUNT_TYPES } from "@/lib/subaccounts/rules";

/** A plain GET form: the filters live in the URL. */
export async function SubaccountFilters({ params }: { params: SubaccountListParams }) {
  const [t, tTypes] = await Promise.all([
    getTranslations("subaccounts"),
    getTranslations("accountTypes"),
  ]);
  const select = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <FilterBar
      label={t("filters")}
      resetHref="/subaccounts"
      applyLabel={t("apply")}
      resetLabel={t("reset")}
    >
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <label htmlFor="sub-q" className="text-sm font-medium">
          {t("search")}
        </label>
        <input
          id="sub-q"
          name="q"
          type="search"
          defaultValue={params.q ?? ""}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="sub-type" className="text-sm font-medium">
          {t("type")}
        </label>
        <select id="sub-type" name="type" defaultValue={params.type ?? ""} className={select}>
          <option value="">{t("allTypes")}</option>
          {ACCOUNT_TYPES.map((type) => (
            <option key={type} value={type}>
              {tTypes(type)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="sub-status" className="text-sm font-medium">
          {t("status")}
        </label>
        <select id="sub-status" name="status" defaultValue={params.status ?? ""} className={select}>
          <option value="">{t("allStatuses")}</option>
          <option value="active">{t("statuses.active")}</option>
          <option value="deactivated">{t("statuses.deactivated")}</option>
        </select>
      </div>
    </FilterBar>
  );
}
