"use client";

import { useTranslations } from "next-intl";
import { Disclosure } from "@/app/_components/disclosure";
import { useHydrated } from "@/app/_components/hydrated";
import { Cell, Row, RowActions, RowLink, StatusBadge } from "@/app/_components/ui";
import { InvitationActions } from "./invitation-actions";
import { useRowSelection } from "./selection";

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
  sent: Moment;
  expires: Moment | null;
  resend: boolean;
  cancel: boolean;
  extend: boolean;
  sendAgain: boolean;
};

/** An instant as its day and its time of day, each already formatted. */
export type Moment = [day: string, time: string];

/**
 * The rows of Manage invitations, rendered from compact data: the server sends
 * each row once as a few strings instead of as a tree of elements. A row's
 * actions (Resend, Extend, Send again, Cancel) open from its Actions button and
 * are made only then: a page of 25 rows carries 25 buttons, not 75 forms. The
 * button and the row's checkbox work only with scripts, so they are made in the
 * browser once it runs them, and the HTML carries neither (the details page
 * has every action as a plain form).
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
  const t = useTranslations("invitationActions");
  const tSelect = useTranslations("invitationSelection");
  const selection = useRowSelection();
  const scripted = useHydrated();
  return rows.map((row) => (
    <Row key={row.id}>
      {selection ? (
        <Cell>
          {scripted ? (
            <RowActions>
              <input
                type="checkbox"
                aria-label={tSelect("selectRow", { email: row.email })}
                checked={selection.selected.has(row.id)}
                onChange={() => selection.toggle(row.id)}
                className="size-4"
              />
            </RowActions>
          ) : null}
        </Cell>
      ) : null}
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
      <Cell label={labels.email}>
        <Address email={row.email} />
      </Cell>
      <Cell label={labels.type} className="sm:whitespace-nowrap">
        {row.type}
      </Cell>
      <Cell label={labels.sentBy}>{row.sentBy}</Cell>
      <Cell label={labels.sent} className="sm:whitespace-nowrap">
        <DayAndTime moment={row.sent} />
      </Cell>
      <Cell label={labels.expires} className="sm:whitespace-nowrap">
        {row.expires ? <DayAndTime moment={row.expires} /> : "—"}
      </Cell>
      <Cell>
        {scripted && (row.resend || row.cancel || row.extend || row.sendAgain) ? (
          <RowActions>
            <Disclosure
              buttonLabel={t("rowActionsFor", { email: row.email })}
              buttonContent={t("rowActions")}
              buttonClassName="btn-small inline-flex items-center gap-1"
              panelClassName="mt-2"
            >
              {() => <InvitationActions id={row.id} email={row.email} offers={row} place="row" />}
            </Disclosure>
          </RowActions>
        ) : null}
      </Cell>
    </Row>
  ));
}

/**
 * An address that, beside seven other columns, wraps only after its "@": each
 * side stays whole, so the column is as wide as the longer side and no letter
 * is ever alone on a line. On a phone's card it may break anywhere, to fit.
 * One span around it (`.address`): on a phone the cell is a flex row, and each
 * child would be a value of its own.
 */
function Address({ email }: { email: string }) {
  const at = email.lastIndexOf("@") + 1;
  return (
    <span className="address">
      <span>{email.slice(0, at)}</span>
      <wbr />
      <span>{email.slice(at)}</span>
    </span>
  );
}

/**
 * The day on one line and the time under it (the cell is nowrap from `sm` up),
 * so the column takes the width of the longer of the two rather than of both;
 * on a phone's card they stand on one line.
 */
function DayAndTime({ moment: [day, time] }: { moment: Moment }) {
  return (
    <span>
      {day} <br className="max-sm:hidden" />
      {time}
    </span>
  );
}
