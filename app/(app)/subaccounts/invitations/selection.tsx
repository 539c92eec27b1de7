"use client";

import { useTranslations } from "next-intl";
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
  useTransition,
} from "react";
import { FormMessage } from "@/app/_components/form/form-message";
import { useHydrated } from "@/app/_components/hydrated";
import { useAnnounced } from "@/app/_components/row-announcer";
import type { FormState } from "@/lib/actions/form-state";
import type { ActionKind, ActionPlan } from "@/lib/batches/select";
import { actOnSelectionAction, planSelection } from "./selection-actions";

type SelectionState = {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
};

const SelectionContext = createContext<SelectionState | null>(null);

/** The rows' side of the selection: whether a row is chosen, and choosing it. */
export function useRowSelection() {
  return useContext(SelectionContext);
}

/**
 * Manage invitations' selection: rows chosen one by one or the whole page, or
 * "all N matching this filter"; then Resend, Extend or Cancel, after a
 * confirmation that says how many it changes and which it skips why (the same
 * rules the action applies). Up to 100 are done before the answer; more go to
 * the background, followed on the batch's page.
 */
export function InvitationSelection({
  pageIds,
  total,
  filter,
  kinds,
  children,
}: {
  /** The rows on this page; a new page starts with nothing chosen. */
  pageIds: string[];
  /** How many match the filter, when known (a search knows only its pages). */
  total: number | undefined;
  /** The list's query string, without its position. */
  filter: string;
  /** The actions the reader may take. */
  kinds: ActionKind[];
  children: ReactNode;
}) {
  const t = useTranslations("invitationSelection");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [plan, setPlan] = useState<ActionPlan | null>(null);
  const [refusal, setRefusal] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  const act = useAnnounced(actOnSelectionAction);
  const scripted = useHydrated();
  const pageKey = pageIds.join();
  const [shownPage, setShownPage] = useState(pageKey);
  if (shownPage !== pageKey) {
    setShownPage(pageKey);
    setSelected(new Set());
    setAllMatching(false);
    setPlan(null);
  }
  if (kinds.length === 0) return children;

  const count = allMatching ? total : selected.size;
  const wholePage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const moreThanPage = total === undefined || total > pageIds.length;

  function form(kind: ActionKind) {
    const data = new FormData();
    data.set("kind", kind);
    if (allMatching) data.set("filter", filter);
    else for (const id of selected) data.append("ids", id);
    return data;
  }
  function ask(kind: ActionKind) {
    setRefusal(undefined);
    startTransition(async () => {
      const answer = await planSelection(undefined, form(kind));
      if (answer.ok) setPlan(answer.data as ActionPlan);
      else setRefusal(answer);
    });
  }
  function confirm(kind: ActionKind) {
    const data = form(kind);
    setPlan(null);
    startTransition(async () => {
      const answer = await act(undefined, data);
      if (answer.ok) {
        setSelected(new Set());
        setAllMatching(false);
      }
    });
  }

  return (
    <SelectionContext
      value={{
        selected,
        toggle: (id) => {
          // A plan on the screen was for the rows chosen before.
          setPlan(null);
          setAllMatching(false);
          setSelected((s) => {
            const next = new Set(s);
            if (!next.delete(id)) next.add(id);
            return next;
          });
        },
      }}
    >
      {/* Made in the browser: choosing rows needs scripts. */}
      {scripted ? (
        <div
          role="group"
          aria-label={t("actions")}
          className="mb-3 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3"
        >
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={wholePage}
                onChange={() => {
                  setPlan(null);
                  setAllMatching(false);
                  setSelected(wholePage ? new Set() : new Set(pageIds));
                }}
              />
              {t("selectPage")}
            </label>
            <span aria-live="polite" className="font-medium">
              {allMatching ? t("allSelected") : t("selected", { count: selected.size })}
            </span>
            {wholePage && !allMatching && moreThanPage ? (
              <button
                type="button"
                className="text-brand-700 underline"
                onClick={() => {
                  setPlan(null);
                  setAllMatching(true);
                }}
              >
                {total === undefined ? t("selectAllUnknown") : t("selectAll", { total })}
              </button>
            ) : null}
            {selected.size > 0 || allMatching ? (
              <button
                type="button"
                className="text-brand-700 underline"
                onClick={() => {
                  setSelected(new Set());
                  setAllMatching(false);
                  setPlan(null);
                }}
              >
                {t("clear")}
              </button>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {kinds.map((kind) => (
              <button
                key={kind}
                type="button"
                className={kind === "cancel" ? "btn-small-danger" : "btn-small"}
                disabled={pending || count === 0}
                onClick={() => ask(kind)}
              >
                {t(kind)}
              </button>
            ))}
            {pending ? (
              <span role="status" className="self-center text-sm text-slate-600">
                {t("checking")}
              </span>
            ) : null}
          </div>
          <FormMessage state={refusal} />
          {plan ? (
            <Confirmation
              plan={plan}
              onConfirm={() => confirm(plan.kind)}
              onKeep={() => setPlan(null)}
            />
          ) : null}
        </div>
      ) : null}
      {children}
    </SelectionContext>
  );
}

/** How many an action changes and which it skips why; focus starts on the safe choice. */
function Confirmation({
  plan,
  onConfirm,
  onKeep,
}: {
  plan: ActionPlan;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const t = useTranslations("invitationSelection");
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  const skipped = Object.entries(plan.skipped).filter(([, n]) => n && n > 0) as [
    keyof ActionPlan["skipped"],
    number,
  ][];
  return (
    <div
      role="group"
      aria-label={t(plan.kind)}
      className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm"
    >
      <p className="font-medium">
        {plan.acting > 0
          ? t("question", { acting: plan.acting, selected: plan.selected })
          : t("nothing", { selected: plan.selected })}
      </p>
      {skipped.length > 0 ? (
        <p>
          {t("skipped")}{" "}
          {skipped.map(([reason, n]) => t(`skip.${reason}`, { count: n })).join(", ")}
        </p>
      ) : null}
      {plan.background ? <p>{t("inBackground")}</p> : null}
      <div className="flex flex-wrap gap-2">
        {plan.acting > 0 ? (
          <button
            type="button"
            onClick={onConfirm}
            className={
              plan.kind === "cancel"
                ? "rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
                : "bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-1.5 text-sm font-semibold text-white"
            }
          >
            {t(`yes.${plan.kind}`, { count: plan.acting })}
          </button>
        ) : null}
        <button
          ref={keep}
          type="button"
          onClick={onKeep}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        >
          {t("keep")}
        </button>
      </div>
    </div>
  );
}
