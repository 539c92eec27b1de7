import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { type ActivityListParams, activityPeople, listActivity } from "@/lib/activity/queries";
import { type ActivityValue, isProductTerms } from "@/lib/activity/values";
import { activityKindsFor } from "@/lib/activity/rules";
import type { ActivityKind } from "@/lib/enums";
import { queryString } from "@/lib/url";
import { FilterBar, FilterSelect } from "./filter-bar";
import { Pager } from "./pager";
import { Cell, DataTable, EmptyState, Row } from "./ui";

/**
 * An account's activity log: who changed what, when, from what to what;
 * filtered by person and kind, a page at a time. The page that shows it has
 * checked that the reader may see the account. `keep` holds the page's own
 * address parameters (its tab).
 */
export async function ActivityLog({
  accountId,
  reader,
  hasParent = true,
  params,
  path,
  keep = {},
}: {
  accountId: string;
  /** The account's own page, or its parent's page of it: they see different kinds. */
  reader: "own" | "parent";
  /** Whether the account has a parent, whose people change its terms and details. */
  hasParent?: boolean;
  params: ActivityListParams;
  path: string;
  keep?: Record<string, string | undefined>;
}) {
  const db = await getDb();
  const kinds = activityKindsFor(reader, { hasParent });
  const [page, people, t, tCommon, tStatuses, tRoles, tTypes, format] = await Promise.all([
    listActivity(db, accountId, params, kinds),
    activityPeople(db, accountId, kinds),
    getTranslations("activity"),
    getTranslations("common"),
    getTranslations("accountStatuses"),
    getTranslations("roles"),
    getTranslations("accountTypes"),
    getFormatter(),
  ]);
  const filters = { ...keep, who: params.who, kind: params.kind };
  const filtered = !!(params.who || params.kind || params.after || params.before);

  /** What within the account changed: a product or person by name, or a field by its label. */
  const subjectOf = (row: { kind: ActivityKind; subject: string }) =>
    (row.kind === "organization" || row.kind === "own_organization") &&
    t.has(`fields.${row.subject}`)
      ? t(`fields.${row.subject as "name"}`)
      : row.subject;

  /** A logged value as the reader reads it. */
  const describe = (kind: ActivityKind, value: ActivityValue): string => {
    if (value === null) return t("none");
    if (isProductTerms(value)) {
      if (!value.available) return t("notOrderable");
      return value.priceCents === null
        ? t("standardPrice")
        : format.number(value.priceCents / 100, { style: "currency", currency: value.currency });
    }
    switch (kind) {
      case "billing":
        return tCommon(`billingModes.${value as "bill_to_parent"}`);
      case "pricing":
        return tCommon(`pricingModes.${value as "standard"}`);
      case "status":
      case "user_status":
        return tStatuses(value as "active");
      case "role":
      case "user_added":
        return tRoles(value as "user");
      case "allowed_types":
        return value
          ? value
              .split(",")
              .map((type) => tTypes(type as "retail"))
              .join(", ")
          : t("none");
      case "api_key":
        return tCommon(`apiKeyScopes.${value as "read"}`);
      case "webhook_endpoint":
        // On, off, "secret" → "rotated", or the endpoint's URL as it was and became.
        return value === "on" || value === "off" || value === "secret" || value === "rotated"
          ? t(`webhookValues.${value}`)
          : value;
      default:
        return value;
    }
  };

  return (
    <>
      <FilterBar label={t("filters")} resetHref={`${path}${queryString(keep)}`} keep={keep}>
        <FilterSelect
          id="activity-who"
          name="who"
          label={t("who")}
          value={params.who}
          all={t("everyone")}
          options={people.flatMap((p) => (p.userId ? [{ value: p.userId, label: p.name }] : []))}
        />
        <FilterSelect
          id="activity-kind"
          name="kind"
          label={t("kind")}
          value={params.kind}
          all={t("allKinds")}
          options={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
      </FilterBar>
      {page.rows.length === 0 ? (
        <EmptyState>{filtered ? t("noMatches") : t("empty")}</EmptyState>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            { label: t("when") },
            { label: t("who") },
            { label: t("what") },
            { label: t("before") },
            { label: t("after") },
          ]}
        >
          {page.rows.map((row) => (
            <Row key={row.id}>
              <Cell label={t("when")} className="sm:whitespace-nowrap">
                {format.dateTime(row.createdAt, "moment")}
              </Cell>
              <Cell label={t("who")}>
                {row.actorApiKeyName
                  ? tCommon("apiKeyActor", { key: row.actorApiKeyName, name: row.actorName })
                  : row.actorName}
              </Cell>
              <Cell label={t("what")} className="font-medium">
                {row.subject
                  ? t("kindOf", {
                      kind: t(`kinds.${row.kind}`),
                      subject: subjectOf({ kind: row.kind, subject: row.subject }),
                    })
                  : t(`kinds.${row.kind}`)}
              </Cell>
              <Cell label={t("before")}>{describe(row.kind, row.oldValue)}</Cell>
              <Cell label={t("after")}>{describe(row.kind, row.newValue)}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <Pager path={path} filters={filters} params={params} page={page} />
    </>
  );
}
