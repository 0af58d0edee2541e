// Stands in for "next/cache" under Vitest: there is no page cache to revalidate outside Next.js.
export function revalidatePath(_path: string, _type?: string) {}
export function revalidateTag(_tag: string) {}
export function updateTag(_tag: string) {}
