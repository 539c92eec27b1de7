"use client";

import { Cell, Row, RowActions, RowLink, StatusBadge } from "@/app/_components/ui";
import { InvitationActions } from "./invitation-actions";

/** One row of Manage invitations, its words already translated and its dates formatted. */
export type InvitationRowData = {
  id: string;
  email: string;
  status: string;
  statusText: string;
  /** The row's link, named for a screen reader ("Pending: details of the invitation to …"). */
  linkLabel: string;
  delivery: string | null;
  type: string;
  sentBy: string;
  sent: string;
  expires: string | null;
  resend: boolean;
  cancel: boolean;
};

/**
 * The rows of Manage invitations, rendered from compact data: the server sends
 * each row once as a few strings instead of as a tree of elements, and every
 * row's Resend and Cancel live in this one client component.
 */
export function InvitationRows({
  rows,
  labels,
}: {
  rows: InvitationRowData[];
  /** Column names, which each cell shows before its value on a phone. */
  labels: {
    delivery: string;
    email: string;
    type: string;
    sentBy: string;
    sent: string;
    expires: string;
  };
}) {
  return rows.map((row) => (
    <Row key={row.id}>
      <Cell>
        <RowLink
          href={`/subaccounts/invitations/${row.id}`}
          aria-label={row.linkLabel}
          className="rounded-full focus-visible:outline-2"
        >
          <StatusBadge status={row.status}>{row.statusText}</StatusBadge>
        </RowLink>
      </Cell>
      <Cell label={labels.delivery} className="whitespace-nowrap">
        {row.delivery ?? "—"}
      </Cell>
      <Cell label={labels.email} className="font-medium [overflow-wrap:anywhere]">
        {row.email}
      </Cell>
      <Cell label={labels.type}>{row.type}</Cell>
      <Cell label={labels.sentBy}>{row.sentBy}</Cell>
      <Cell label={labels.sent} className="sm:whitespace-nowrap">
        {row.sent}
      </Cell>
      <Cell label={labels.expires} className="sm:whitespace-nowrap">
        {row.expires ?? "—"}
      </Cell>
      <Cell>
        {row.resend || row.cancel ? (
          <RowActions>
            <InvitationActions
              id={row.id}
              email={row.email}
              canResend={row.resend}
              canCancel={row.cancel}
              place="row"
            />
          </RowActions>
        ) : null}
      </Cell>
    </Row>
  ));
}
