import { getTranslations } from "next-intl/server";
import { FilterBar, FilterSearch, FilterSelect } from "@/app/_components/filter-bar";
import type { InvitationCounts, InvitationListParams } from "@/lib/invitations/queries";
import { DISPLAY_STATUSES } from "@/lib/invitations/constants";

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export async function InvitationFilters({
  params,
  counts,
}: {
  params: InvitationListParams;
  counts: InvitationCounts;
}) {
  const [t, tStatuses] = await Promise.all([
    getTranslations("invitations"),
    getTranslations("invitationStatuses"),
  ]);
  return (
    <FilterBar label={t("filters")} resetHref="/subaccounts/invitations">
      <FilterSelect
        id="filter-status"
        name="status"
        label={t("statusFilter")}
        value={params.status}
        all={t("allStatusesCount", { count: counts.all })}
        options={DISPLAY_STATUSES.map((s) => ({
          value: s,
          label: t("statusCount", { status: tStatuses(s), count: counts[s] }),
        }))}
      />
      <FilterSelect
        id="filter-delivery"
        name="delivery"
        label={t("deliveryFilter")}
        value={params.delivery}
        all={t("allDeliveries")}
        options={[{ value: "problems", label: t("deliveryProblems") }]}
      />
      <FilterSearch id="filter-q" label={t("search")} value={params.q ?? ""} />
      <FilterSelect
        id="filter-sort"
        name="sort"
        label={t("sort")}
        value={params.sort}
        options={[
          { value: "newest", label: t("newest") },
          { value: "oldest", label: t("oldest") },
        ]}
      />
    </FilterBar>
  );
}
