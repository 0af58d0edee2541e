import { Badge } from "@/components/ui/badge";

/** An API key's scopes as badges, each named in words with the code on hover (key lists, approvals). */
export function ScopeBadges({ scopes, label }: { scopes: string[]; label: (scope: string) => string }) {
  return (
    <div className="flex flex-wrap gap-1">
      {scopes.map((s) => (
        <Badge key={s} tone="info" title={s}>
          {label(s)}
        </Badge>
      ))}
    </div>
  );
}
