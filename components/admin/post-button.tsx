import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/**
 * A download or other recorded act as a POST from our own page (never a link: opening a link, or
 * being sent to one by another site, must not export or reveal anything).
 */
export function PostButton({
  action,
  children,
  variant = "secondary",
  size = "sm",
  className,
}: {
  action: string;
  children: ReactNode;
  variant?: "primary" | "secondary" | "link";
  size?: "sm" | "md";
  className?: string;
}) {
  const style = variant === "link" ? "p-0 text-brand-800 underline hover:no-underline" : buttonVariants({ variant, size });
  return (
    <form method="post" action={action} className="inline">
      <button type="submit" className={cn(style, className)}>
        {children}
      </button>
    </form>
  );
}
