// Turns a plain HTML form post (no JavaScript) into the same shape the JSON API accepts.
const PERSONAL = new Set(["fullName", "email", "phone", "address", "organization"]);

export function formPostToSubmission(body: string) {
  const params = new URLSearchParams(body);
  const fields: Record<string, string> = {};
  const answers: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    if (PERSONAL.has(name)) fields[name] = value;
    else if (name.startsWith("answers.")) {
      const key = name.slice("answers.".length);
      const prev = answers[key];
      answers[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
  }
  return {
    fields,
    answers,
    consents: params.getAll("consents"),
    locale: params.get("locale") ?? undefined,
    idempotencyKey: params.get("idempotencyKey") ?? "",
    website: params.get("website") ?? undefined,
  };
}

/** The submitted values, to put back into the form when it is shown again with errors. */
export function formPostValues(body: string): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const prev = values[name];
    values[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return values;
}
