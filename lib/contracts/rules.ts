/**
 * A contract's life: its days count whole, from its first to its last
 * (inclusive), in UTC. Pure: `now` is an argument.
 */

import type { ContractStatus } from "@/lib/enums";

export type ContractTerm = { startsOn: string; endsOn: string | null };

/** The calendar day of a moment, as a contract's dates are written ("2026-11-29"). */
export function contractDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function contractStatus(contract: ContractTerm, now: Date): ContractStatus {
  const today = contractDay(now);
  if (contract.startsOn > today) return "upcoming";
  if (contract.endsOn !== null && contract.endsOn < today) return "ended";
  return "active";
}

/**
 * Whether an assigned contract locks a subaccount's billing and pricing, and so
 * whether its own terms are the subaccount's: only while it runs. One that
 * starts later brings them on its first day (`applyStartedContracts`); one that
 * has ended leaves them as they are.
 */
export function contractLocksTerms(contract: ContractTerm | null, now: Date): boolean {
  return contract !== null && contractStatus(contract, now) === "active";
}

/** What a contract's page offers: ending a running one, deleting one no subaccount uses. */
export function contractActions(contract: ContractTerm & { subaccounts: number }, now: Date) {
  return {
    end: contractStatus(contract, now) === "active",
    delete: contract.subaccounts === 0,
  };
}
