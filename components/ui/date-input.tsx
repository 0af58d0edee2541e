"use client";
import { type ChangeEvent, type ComponentProps, type FocusEventHandler, type Ref, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/lib/cn";
import { isoToText, textToIso } from "@/lib/i18n/format";
import { fieldClass } from "./input";

export { isoToText };

type Props = Omit<ComponentProps<"input">, "type" | "onChange" | "onBlur" | "ref"> & {
  ref?: Ref<HTMLInputElement>;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur?: FocusEventHandler<HTMLInputElement>;
};

/**
 * A date typed as dd/mm/yyyy, whatever the browser's language (a native date input shows the
 * browser's own format and words). Submits yyyy-mm-dd under `name`, from a hidden input that forms
 * and react-hook-form's `register` read like any other; text that is not a date is submitted as
 * typed, so the server's check names the field.
 */
export function DateInput({ name, defaultValue, onChange, onBlur, ref, className, id, min: _min, max: _max, ...rest }: Props) {
  const { t } = useI18n();
  const hidden = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState(isoToText(String(defaultValue ?? "")));
  // The hidden input is the source of truth: react-hook-form writes default values and resets into
  // it directly, and a form's reset restores it. Whenever it holds something other than what this
  // box last wrote, show that instead.
  const written = useRef<string | undefined>(undefined);
  useEffect(() => {
    const value = hidden.current?.value ?? "";
    if (value !== written.current) {
      written.current = value;
      setText(isoToText(value));
    }
  });
  useEffect(() => {
    const form = hidden.current?.form;
    if (!form) return;
    const onReset = () => setTimeout(() => setText(isoToText(hidden.current?.value ?? "")), 0);
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);
  const setRefs = (node: HTMLInputElement | null) => {
    hidden.current = node;
    if (typeof ref === "function") ref(node);
    else if (ref) ref.current = node;
  };
  return (
    <>
      <input type="hidden" name={name} ref={setRefs} defaultValue={defaultValue} />
      <input
        {...rest}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("date.placeholder")}
        value={text}
        className={cn(fieldClass, "h-10", className)}
        onBlur={onBlur}
        onChange={(event) => {
          setText(event.target.value);
          if (!hidden.current) return;
          hidden.current.value = event.target.value.trim() === "" ? "" : (textToIso(event.target.value) ?? event.target.value);
          written.current = hidden.current.value;
          onChange?.({ ...event, target: hidden.current, currentTarget: hidden.current });
        }}
      />
    </>
  );
}

/** The "created from / until" pair of a list's filter bar (GET forms: the names are `from` and `to`). */
export function DateRangeFields({ idPrefix, from, to, labelClassName }: { idPrefix: string; from?: string; to?: string; labelClassName: string }) {
  const { t } = useI18n();
  return (
    <>
      {(
        [
          ["from", from, t("customers.createdFrom")],
          ["to", to, t("customers.createdTo")],
        ] as const
      ).map(([name, value, text]) => (
        <div key={name}>
          <label htmlFor={`${idPrefix}-${name}`} className={labelClassName}>
            {text}
          </label>
          <DateInput id={`${idPrefix}-${name}`} name={name} defaultValue={value ?? ""} className="h-9" />
        </div>
      ))}
    </>
  );
}
