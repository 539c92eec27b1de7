"use client";

import { Cell, Row, RowLink, StatusBadge } from "@/app/_components/ui";

/** One row of the subaccount list, its words already translated and its date formatted. */
export type SubaccountRowData = {
  id: string;
  name: string;
  nickname: string | null;
  number: number;
  type: string;
  billing: string;
  pricing: string;
  status: string;
  statusText: string;
  created: string;
  createdVia: string;
};

/**
 * The rows of the subaccount list, rendered from compact data: the server sends
 * each row once as a few strings instead of as a tree of elements.
 */
export function SubaccountRows({
  rows,
  labels,
}: {
  rows: SubaccountRowData[];
  /** Column names, which each cell shows before its value on a phone. */
  labels: {
    number: string;
    type: string;
    billing: string;
    pricing: string;
    status: string;
    created: string;
  };
}) {
  return rows.map((row) => (
    <Row key={row.id}>
      <Cell>
        <RowLink href={`/subaccounts/${row.id}`} className="link-strong">
          {row.name}
        </RowLink>
        {row.nickname ? <div className="w-full text-slate-600">{row.nickname}</div> : null}
      </Cell>
      <Cell label={labels.number} className="tabular-nums">
        {row.number}
      </Cell>
      <Cell label={labels.type}>{row.type}</Cell>
      <Cell label={labels.billing}>{row.billing}</Cell>
      <Cell label={labels.pricing}>{row.pricing}</Cell>
      <Cell label={labels.status}>
        <StatusBadge status={row.status}>{row.statusText}</StatusBadge>
      </Cell>
      <Cell label={labels.created} className="sm:whitespace-nowrap">
        <span>{row.created}</span>
        <span className="text-slate-600 sm:block">{row.createdVia}</span>
      </Cell>
    </Row>
  ));
}
