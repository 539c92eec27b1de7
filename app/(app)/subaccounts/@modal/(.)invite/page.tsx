import { InviteModal } from "../../invite/invite-modal";
import { loadInviteForm } from "../../invite/load";

export default async function InviteWindow() {
  const { actor, types, t } = await loadInviteForm();
  return (
    <InviteModal types={types} defaultLocale={actor.locale} title={t("title")} intro={t("intro")} />
  );
}
