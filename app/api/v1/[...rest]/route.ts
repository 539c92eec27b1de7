import { problem } from "@/lib/api/http";

/** Anything else under /api/v1 is a problem too, never the HTML 404 page. */
function notFound() {
  return problem("not_found");
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PATCH,
  notFound as PUT,
  notFound as DELETE,
};
