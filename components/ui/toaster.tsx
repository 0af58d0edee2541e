"use client";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/lib/cn";

type ToastAction = { label: string; onClick: () => void | Promise<void> };
type ToastOptions = { tone?: "success" | "error"; action?: ToastAction; durationMs?: number };
type Toast = ToastOptions & { id: number; message: string };

type ToastApi = {
  /** A short message in the corner that goes away by itself (and stays while the pointer or focus is on it). */
  show: (message: string, options?: ToastOptions) => void;
  /** The same, shown on the next page this tab loads: for saves followed by a reload or a redirect. */
  flash: (message: string) => void;
};

const FLASH_KEY = "customer-register:flash";
const ToastContext = createContext<ToastApi | null>(null);

export function useToast() {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs <ToastProvider>");
  return api;
}

/**
 * Toasts for the whole app. The region is a polite live region, so screen readers announce a save
 * without moving focus; an action (e.g. "Undo") is a real button reachable by keyboard.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback((message: string, options: ToastOptions = {}) => {
    const id = next.current++;
    setToasts((all) => [...all.slice(-2), { id, message, ...options }]);
  }, []);
  const flash = useCallback((message: string) => {
    try {
      sessionStorage.setItem(FLASH_KEY, message);
    } catch {
      // Storage off: the message is simply not carried over.
    }
  }, []);
  useEffect(() => {
    try {
      const message = sessionStorage.getItem(FLASH_KEY);
      if (message) {
        sessionStorage.removeItem(FLASH_KEY);
        show(message);
      }
    } catch {
      // Storage off.
    }
  }, [show]);
  const api = useMemo(() => ({ show, flash }), [show, flash]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-live="polite"
        aria-relevant="additions"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 print:hidden sm:items-end"
      >
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDone={() => dismiss(toast.id)} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: () => void }) {
  const { t } = useI18n();
  const [held, setHeld] = useState(false);
  const duration = toast.durationMs ?? (toast.action ? 8000 : 5000);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onDone, duration);
    return () => clearTimeout(timer);
  }, [held, duration, onDone]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only pause the timer; the buttons inside are the controls
    <div
      role={toast.tone === "error" ? "alert" : "status"}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className={cn(
        "pointer-events-auto flex w-full max-w-sm items-center gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ring-1",
        toast.tone === "error" ? "bg-red-50 text-red-900 ring-red-200" : "bg-zinc-900 text-white ring-zinc-900",
      )}
    >
      <span className="flex-1">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="rounded px-2 py-1 font-semibold text-brand-100 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white"
          onClick={async () => {
            onDone();
            await toast.action?.onClick();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        onClick={onDone}
        aria-label={t("toast.close")}
        className="rounded px-1 text-lg leading-none opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-white"
      >
        ×
      </button>
    </div>
  );
}
