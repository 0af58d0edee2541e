"use client";
import { type ChangeEvent, type ComponentProps, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/lib/cn";
import { buttonVariants } from "./button";

/**
 * A file picker in the app's language ("Chọn tệp" · "Chưa chọn tệp") instead of the browser's.
 * The native input stays (keyboard, screen readers, the Field's label); it is only hidden from sight.
 */
export function FileInput({ className, onChange, ...props }: Omit<ComponentProps<"input">, "type">) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string>();
  return (
    <span className={cn("flex flex-wrap items-center gap-3", className)}>
      <input
        {...props}
        type="file"
        className="peer sr-only"
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          setChosen(event.target.files?.[0]?.name);
          onChange?.(event);
        }}
      />
      <label
        htmlFor={props.id}
        aria-hidden="true"
        className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600")}
      >
        {t("file.choose")}
      </label>
      <span className="text-sm text-zinc-600" aria-live="polite">
        {chosen ?? t("file.none")}
      </span>
    </span>
  );
}
