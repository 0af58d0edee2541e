import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** Label, control and error message wired together for screen readers (aria-describedby). */
export function Field(props: { id: string; label: string; error?: string; hint?: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("space-y-1.5", props.className)}>
      <label htmlFor={props.id} className="block text-sm font-medium text-zinc-800">
        {props.label}
      </label>
      {props.children}
      {props.hint && !props.error && (
        <p id={`${props.id}-hint`} className="text-xs text-zinc-500">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="text-sm text-red-700" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function fieldA11y(id: string, error?: string) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  } as const;
}
