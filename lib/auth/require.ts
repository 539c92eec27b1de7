import { notFound, redirect } from "next/navigation";
import type { Actor } from "./actor";
import { currentActor } from "./next-auth";
import { can, type Permission } from "./permissions";

/**
 * For pages: the signed-in actor, else off to sign in. Layouts and pages
 * render in parallel, so every page asks for itself. A missing permission
 * answers 404, like a page that does not exist.
 */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (permission && !can(actor.role, permission)) notFound();
  return actor;
}
