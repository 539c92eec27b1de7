/** The longest name of an invitation template (lib/invitations/templates.ts). */
export const TEMPLATE_NAME_MAX = 80;
