import type { CustomerFilter } from "@/lib/customers/schemas";

/** The current filters as a query string, with a page cursor or without. */
export function filterQuery(filter: CustomerFilter, page: { after?: string; before?: string } = {}) {
  const q = new URLSearchParams();
  for (const key of ["q", "status", "source", "purpose", "from", "to"] as const) if (filter[key]) q.set(key, filter[key]!);
  if (filter.purpose && filter.consent) q.set("consent", filter.consent);
  if (filter.sort !== "newest") q.set("sort", filter.sort);
  if (filter.q && filter.match !== "words") q.set("match", filter.match);
  if (page.after) q.set("after", page.after);
  if (page.before) q.set("before", page.before);
  return q.toString();
}
