import { getFormatter, getTranslations } from "next-intl/server";
import { Cell, DataTable } from "./ui";

type Price = {
  productId: string;
  name: string;
  currency: string;
  priceCents: number;
  available: boolean;
};

/** A read-only price list: what the account pays, and which products it may order. */
export async function PriceTable({ caption, prices }: { caption: string; prices: Price[] }) {
  const [t, format] = await Promise.all([getTranslations("prices"), getFormatter()]);
  return (
    <DataTable
      caption={caption}
      columns={[{ label: t("product") }, { label: t("price") }, { label: t("available") }]}
    >
      {prices.map((p) => (
        <tr key={p.productId}>
          <Cell className="font-medium">{p.name}</Cell>
          <Cell label={t("price")} className="tabular-nums">
            {p.available
              ? format.number(p.priceCents / 100, { style: "currency", currency: p.currency })
              : "—"}
          </Cell>
          <Cell label={t("available")}>{p.available ? t("yes") : t("notAvailable")}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
