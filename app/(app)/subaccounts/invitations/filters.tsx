import { getTranslations } from "next-intl/server";
import { FilterBar, FilterOrder, FilterSearch, FilterSelect } from "@/app/_components/filter-bar";
import type { InvitationListParams } from "@/lib/invitations/queries";

/** Search, delivery and order; the status is chosen by the tabs above and kept here. */
export async function InvitationFilters({ params }: { params: InvitationListParams }) {
  const t = await getTranslations("invitations");
  return (
    <FilterBar
      label={t("filters")}
      resetHref="/subaccounts/invitations"
      keep={{ status: params.status }}
    >
      <FilterSearch id="filter-q" label={t("search")} value={params.q ?? ""} />
      <FilterSelect
        id="filter-delivery"
        name="delivery"
        label={t("deliveryFilter")}
        value={params.delivery}
        all={t("allDeliveries")}
        options={[{ value: "problems", label: t("deliveryProblems") }]}
      />
      <FilterOrder
        id="filter-sort"
        label={t("sort")}
        value={params.sort}
        newest={t("newest")}
        oldest={t("oldest")}
      />
    </FilterBar>
  );
}
