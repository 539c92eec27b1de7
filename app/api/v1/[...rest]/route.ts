import { problem } from "@/lib/api/http";

/** Anything else under /api/v1 is a problem too, never the HTML 404 page. */
function notFound() {
  const response = problem("not_found");
  response.headers.set("cache-control", "no-store");
  return response;
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PATCH,
  notFound as PUT,
  notFound as DELETE,
};
