import { getTranslations } from "next-intl/server";
import { FilterBar, FilterSearch, FilterSelect } from "@/app/_components/filter-bar";
import { EXPIRING_SOON_DAYS, type InvitationOrder } from "@/lib/invitations/constants";
import type { InvitationListParams } from "@/lib/invitations/queries";

/**
 * Search, delivery, "expiring soon" and order; the status is chosen by the tabs above and kept
 * here. The orders by expiry are offered where the list shows expiries.
 */
export async function InvitationFilters({
  params,
  order,
  byExpiry,
}: {
  params: InvitationListParams;
  order: InvitationOrder;
  byExpiry: boolean;
}) {
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
      <FilterSelect
        id="filter-expiring"
        name="expiring"
        label={t("expiringFilter")}
        value={params.expiring}
        all={t("expiringAny")}
        options={[{ value: "soon", label: t("expiringSoon", { days: EXPIRING_SOON_DAYS }) }]}
      />
      <FilterSelect
        id="filter-sort"
        name="sort"
        label={t("sort")}
        value={order}
        options={[
          { value: "newest", label: t("newest") },
          { value: "oldest", label: t("oldest") },
          ...(byExpiry
            ? [
                { value: "expires", label: t("expiresSoonest") },
                { value: "expiresLatest", label: t("expiresLatest") },
              ]
            : []),
        ]}
      />
    </FilterBar>
  );
}
