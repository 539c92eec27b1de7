import { InviteModal } from "../../invite/invite-modal";
import { loadInviteForm } from "../../invite/load";
import { ClientMessages } from "@/app/_components/client-messages";
import { INVITATION_TTL_DAYS } from "@/lib/invitations/constants";

export default async function InviteWindow() {
  const { actor, types, t } = await loadInviteForm();
  return (
    <ClientMessages namespaces={["accountTypes", "common", "invite", "invitationTerms"]}>
      <InviteModal
        types={types}
        defaultLocale={actor.locale}
        title={t("title")}
        intro={t("intro", { days: INVITATION_TTL_DAYS })}
      />
    </ClientMessages>
  );
}
