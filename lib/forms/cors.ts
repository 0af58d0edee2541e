// Which browser origins may call the submission API: the app itself and the form's allowed origins.
// Requests without an Origin header come from servers (integrators), where CORS does not apply.
export type CorsDecision = { allowed: boolean; headers: Record<string, string> };

export function corsDecision(origin: string | null, allowedOrigins: string[], ownOrigins: string[]): CorsDecision {
  if (!origin) return { allowed: true, headers: {} };
  if (ownOrigins.includes(origin)) return { allowed: true, headers: {} };
  if (allowedOrigins.includes(origin)) {
    return {
      allowed: true,
      headers: {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "POST, OPTIONS",
        "access-control-allow-headers": "content-type",
        "access-control-max-age": "600",
        vary: "Origin",
      },
    };
  }
  return { allowed: false, headers: { vary: "Origin" } };
}
