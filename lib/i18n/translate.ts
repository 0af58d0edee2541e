// Flat dictionaries with dotted keys: a missing English key is a type error, and messages can be
// passed around (zod errors, AppError) as plain keys and translated where they are shown.
import type { Locale } from "@/lib/i18n/config";
import { en } from "@/lib/i18n/messages/en";
import { vi, type MessageKey } from "@/lib/i18n/messages/vi";

export type { MessageKey };
export type Params = Record<string, string | number>;
/** Translates a key; carries its language, for what a dictionary cannot hold (purpose labels, dates). */
export type Translate = ((key: MessageKey, params?: Params) => string) & { readonly locale: Locale };

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(vi, value);
}

function interpolate(text: string, params?: Params) {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return Object.assign((key: MessageKey, params?: Params) => interpolate(dict[key] ?? vi[key] ?? key, params), { locale });
}

/** Translates a message that may be a key (from zod or AppError); unknown text becomes a generic error. */
export function translateMessage(t: Translate, message: string | undefined, params?: Params): string {
  if (message && isMessageKey(message)) return t(message, params);
  return t("errors.generic");
}
