// Headers for the public form pages: they may be framed only by the form's own allowed origins.
export function formPageHeaders(form: { allowedOrigins: string[]; redirectUrl: string | null } | null): HeadersInit {
  const ancestors = ["'self'", ...(form?.allowedOrigins ?? [])].join(" ");
  let formAction = "'self'";
  if (form?.redirectUrl) {
    try {
      formAction += ` ${new URL(form.redirectUrl).origin}`;
    } catch {}
  }
  return {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      `form-action ${formAction}`,
      `frame-ancestors ${ancestors}`,
      "base-uri 'none'",
    ].join("; "),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cache-control": "no-store",
  };
}
