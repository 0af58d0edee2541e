"use client";
import { AlertDialog } from "radix-ui";
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonVariants } from "./button";

type ConfirmOptions = {
  title: string;
  body?: ReactNode;
  /** The button that goes ahead, named for what it does ("Terminate", "Delete"), never just "OK". */
  confirmLabel: string;
  tone?: "danger" | "primary";
};

const ConfirmContext = createContext<((options: ConfirmOptions) => Promise<boolean>) | null>(null);

/** `await confirm({...})` is true when the person chose to go ahead; Escape, Cancel or clicking away is false. */
export function useConfirm() {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error("useConfirm needs <ConfirmProvider>");
  return confirm;
}

/**
 * One accessible question dialog for the app (focus moves into it and back, Escape cancels, the
 * page behind is inert), in the app's language, instead of the browser's "OK / Cancel" box.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<(value: boolean) => void>(undefined);
  const confirm = useCallback((next: ConfirmOptions) => {
    resolver.current?.(false);
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const close = (answer: boolean) => {
    resolver.current?.(answer);
    resolver.current = undefined;
    setOptions(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <AlertDialog.Root open={options !== null} onOpenChange={(open) => !open && close(false)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-50 bg-zinc-950/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <AlertDialog.Title className="text-lg font-semibold text-zinc-900">{options?.title}</AlertDialog.Title>
            {options?.body ? (
              <AlertDialog.Description asChild>
                <div className="mt-2 space-y-2 text-sm text-zinc-700">{options.body}</div>
              </AlertDialog.Description>
            ) : null}
            <div className="mt-6 flex flex-wrap justify-end gap-3">
              <AlertDialog.Cancel className={buttonVariants({ variant: "secondary" })}>{t("common.cancel")}</AlertDialog.Cancel>
              <AlertDialog.Action
                className={buttonVariants({ variant: options?.tone === "primary" ? "primary" : "danger" })}
                onClick={(event) => {
                  event.preventDefault();
                  close(true);
                }}
              >
                {options?.confirmLabel}
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </ConfirmContext.Provider>
  );
}
