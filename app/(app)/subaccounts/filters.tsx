import { getTranslations } from "next-intl/server";
import { FilterBar, FilterOrder, FilterSearch, FilterSelect } from "@/app/_components/filter-bar";
import type { SubaccountListParams } from "@/lib/subaccounts/queries";
import { ACCOUNT_TYPES } from "@/lib/enums";

/** Search, type and order; the status is chosen by the tabs above and kept here. */
export async function SubaccountFilters({ params }: { params: SubaccountListParams }) {
  const [t, tTypes] = await Promise.all([
    getTranslations("subaccounts"),
    getTranslations("accountTypes"),
  ]);
  return (
    <FilterBar label={t("filters")} resetHref="/subaccounts" keep={{ status: params.status }}>
      <FilterSearch id="sub-q" label={t("search")} value={params.q ?? ""} />
      <FilterSelect
        id="sub-type"
        name="type"
        label={t("type")}
        value={params.type}
        all={t("allTypes")}
        options={ACCOUNT_TYPES.map((type) => ({ value: type, label: tTypes(type) }))}
      />
      <FilterOrder
        id="sub-sort"
        label={t("sort")}
        value={params.sort}
        newest={t("newest")}
        oldest={t("oldest")}
      />
    </FilterBar>
  );
}
