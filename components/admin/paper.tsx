import type { ReactNode } from "react";

// A printable A4 document in the back office (a breach notification, a dossier document): a sheet
// on screen, plain paper when printed.

export function Paper({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <article
      className="mx-auto max-w-[210mm] space-y-5 bg-white p-8 shadow-sm ring-1 ring-zinc-200 print:p-0 print:shadow-none print:ring-0"
      data-testid={testId}
    >
      {children}
    </article>
  );
}

/** A numbered section that never breaks across pages. */
export function PaperSection({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid space-y-1">
      <h2 className="font-semibold">
        {n}. {title}
      </h2>
      <div className="space-y-1 text-sm leading-relaxed">{children}</div>
    </section>
  );
}

/** Where the organisation signs, with the signer's name when known. */
export function SignatureBlock({ title, hint, name }: { title: string; hint: string; name?: string }) {
  return (
    <footer className="grid grid-cols-2 gap-8 pt-8 text-center text-sm">
      <div />
      <div>
        <p className="font-semibold">{title}</p>
        <p className="text-xs text-zinc-500">{hint}</p>
        {name && <p className="pt-16">{name}</p>}
      </div>
    </footer>
  );
}
