"use client";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { errorText } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { QUESTION_TYPES } from "@/lib/forms/definition";
import type { FormInput } from "@/lib/forms/schemas";

export const newKey = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

function OptionsEditor({ form, index }: { form: UseFormReturn<FormInput>; index: number }) {
  const { t } = useI18n();
  const options = useFieldArray({ control: form.control, name: `questions.${index}.options` });
  const error = errorText(
    t,
    form.getFieldState(`questions.${index}.options`, form.formState).error?.message ?? form.formState.errors.questions?.[index]?.options?.root?.message,
  );
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-zinc-800">{t("forms.options")}</p>
      {options.fields.map((option, o) => (
        <div key={option.id} className="flex flex-wrap items-center gap-2">
          <Input aria-label={t("forms.optionVi", { n: o + 1 })} className="min-w-40 flex-1" {...form.register(`questions.${index}.options.${o}.labelVi`)} />
          <Input aria-label={t("forms.optionEn", { n: o + 1 })} className="min-w-40 flex-1" {...form.register(`questions.${index}.options.${o}.labelEn`)} />
          <Button type="button" variant="ghost" size="sm" onClick={() => options.remove(o)} aria-label={t("forms.removeOption", { n: o + 1 })}>
            ✕
          </Button>
        </div>
      ))}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="button" variant="secondary" size="sm" onClick={() => options.append({ key: newKey("o"), labelVi: "", labelEn: "" })}>
        {t("forms.addOption")}
      </Button>
    </div>
  );
}

export function QuestionEditor({
  form,
  index,
  onRemove,
  onMove,
}: {
  form: UseFormReturn<FormInput>;
  index: number;
  onRemove: () => void;
  onMove: (delta: number) => void;
}) {
  const { t } = useI18n();
  const type = form.watch(`questions.${index}.type`);
  const err = (name: "labelVi" | "labelEn") => errorText(t, form.getFieldState(`questions.${index}.${name}`, form.formState).error?.message);
  const id = (name: string) => `q${index}-${name}`;
  return (
    <fieldset className="space-y-3 rounded-md border border-zinc-200 p-4">
      <legend className="px-1 text-sm font-semibold">{t("forms.questionN", { n: index + 1 })}</legend>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_1fr]">
        <Field id={id("type")} label={t("forms.questionType")}>
          <Select id={id("type")} {...form.register(`questions.${index}.type`)}>
            {QUESTION_TYPES.map((qt) => (
              <option key={qt} value={qt}>
                {t(`forms.type.${qt}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("labelVi")} label={t("forms.labelVi")} error={err("labelVi")}>
          <Input {...fieldA11y(id("labelVi"), err("labelVi"))} {...form.register(`questions.${index}.labelVi`)} />
        </Field>
        <Field id={id("labelEn")} label={t("forms.labelEn")} error={err("labelEn")}>
          <Input {...fieldA11y(id("labelEn"), err("labelEn"))} {...form.register(`questions.${index}.labelEn`)} />
        </Field>
      </div>
      {(type === "single_choice" || type === "multiple_choice") && <OptionsEditor form={form} index={index} />}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-brand-700" {...form.register(`questions.${index}.required`)} />
          {t("forms.required")}
        </label>
        <div className="flex gap-1">
          <Button type="button" variant="ghost" size="sm" onClick={() => onMove(-1)} aria-label={t("forms.moveUp", { n: index + 1 })}>
            ↑
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => onMove(1)} aria-label={t("forms.moveDown", { n: index + 1 })}>
            ↓
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
            {t("forms.removeQuestion")}
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
