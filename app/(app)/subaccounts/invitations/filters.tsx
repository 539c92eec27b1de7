import { getTranslations } from "next-intl/server";
import { FilterBar } from "@/app/_components/filter-bar";
import type { InvitationListParams } from "@/lib/invitations/queries";
import { DISPLAY_STATUSES } from "@/lib/invitations/rules";

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export async function InvitationFilters({ params }: { params: InvitationListParams }) {
  const t = await getTranslations("invitations");
  return (
    <FilterBar
      label={t("filters")}
      resetHref="/subaccounts/invitations"
      applyLabel={t("apply")}
      resetLabel={t("reset")}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-status" className="text-sm font-medium">
          {t("statusFilter")}
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={params.status ?? ""}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="">{t("allStatuses")}</option>
          {DISPLAY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-delivery" className="text-sm font-medium">
          {t("deliveryFilter")}
        </label>
        <select
          id="filter-delivery"
          name="delivery"
          defaultValue={params.delivery ?? ""}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="">{t("allDeliveries")}</option>
          <option value="problems">{t("deliveryProblems")}</option>
        </select>
      </div>
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium">
          {t("search")}
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={params.q ?? ""}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-sort" className="text-sm font-medium">
          {t("sort")}
        </label>
        <select
          id="filter-sort"
          name="sort"
          defaultValue={params.sort}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="newest">{t("newest")}</option>
          <option value="oldest">{t("oldest")}</option>
        </select>
      </div>
    </FilterBar>
  );
}
