import type { Page } from "@/lib/lists/keyset";

/** Every page of a keyset list in turn, from the first, following Next to the end. */
export async function everyPage<T>(read: (after: string | undefined) => Promise<Page<T>>) {
  const pages: T[][] = [];
  let after: string | undefined;
  do {
    const page = await read(after);
    pages.push(page.rows);
    after = page.nextCursor ?? undefined;
  } while (after);
  return pages;
}
