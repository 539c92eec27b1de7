import { getTranslations } from "next-intl/server";
import { FilterBar, FilterSearch, FilterSelect } from "@/app/_components/filter-bar";
import type { SubaccountListParams } from "@/lib/subaccounts/queries";
import { ACCOUNT_STATUSES, ACCOUNT_TYPES } from "@/lib/enums";

/** A plain GET form: the filters live in the URL. */
export async function SubaccountFilters({ params }: { params: SubaccountListParams }) {
  const [t, tTypes, tStatuses] = await Promise.all([
    getTranslations("subaccounts"),
    getTranslations("accountTypes"),
    getTranslations("accountStatuses"),
  ]);
  return (
    <FilterBar label={t("filters")} resetHref="/subaccounts">
      <FilterSearch id="sub-q" label={t("search")} value={params.q ?? ""} />
      <FilterSelect
        id="sub-type"
        name="type"
        label={t("type")}
        value={params.type}
        all={t("allTypes")}
        options={ACCOUNT_TYPES.map((type) => ({ value: type, label: tTypes(type) }))}
      />
      <FilterSelect
        id="sub-status"
        name="status"
        label={t("status")}
        value={params.status}
        all={t("allStatuses")}
        options={ACCOUNT_STATUSES.map((status) => ({
          value: status,
          label: tStatuses(status),
        }))}
      />
    </FilterBar>
  );
}
