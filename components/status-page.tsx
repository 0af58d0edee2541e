import Link from "next/link";

/** The 403 / 404 pages: a status code, a plain-language explanation and the way back. */
export function StatusPage(props: { code: number; title: string; body: string; linkHref: string; linkLabel: string }) {
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">{props.code}</p>
      <h1 className="mt-2 text-2xl font-semibold">{props.title}</h1>
      <p className="mt-2 text-zinc-600">{props.body}</p>
      <Link href={props.linkHref} className="mt-6 inline-block font-medium text-brand-800 underline">
        {props.linkLabel}
      </Link>
    </div>
  );
}
