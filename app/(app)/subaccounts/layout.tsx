import type { ReactNode } from "react";

// `modal` shows "Invite subaccount" over the list when it is opened from there.
export default function SubaccountsLayout({
  children,
  modal,
}: {
  children: ReactNode;
  modal: ReactNode;
}) {
  return (
    <>
      {children}
      {modal}
    </>
  );
}
