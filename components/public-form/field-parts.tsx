import type { ReactNode } from "react";

/** "answers.q1" → "f-answers-q1": ids that are safe in CSS selectors and aria references. */
export const controlId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
export const errorId = (name: string) => `${controlId(name)}-error`;

export function ErrorText({ name, error }: { name: string; error?: string }) {
  return (
    <p className="error" id={errorId(name)} data-error-for={name} hidden={!error}>
      {error}
    </p>
  );
}

export function a11y(name: string, error?: string) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": errorId(name) } as const;
}

export function Row({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={className ? `row ${className}` : "row"}>{children}</div>;
}

export function RequiredMark({ required, label }: { required: boolean; label: string }) {
  return required ? (
    <span className="req" aria-hidden="true" title={label}>
      *
    </span>
  ) : null;
}
