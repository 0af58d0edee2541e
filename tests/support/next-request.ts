// Stands in for "next/headers" under Vitest: server actions and route code read the cookies and
// headers of the request being simulated here. Tests set them through tests/support/session.ts,
// with real sessions (a real database session in a real next-auth cookie), so actions run through
// their real wrappers exactly as in the app.
import { PEER_HEADER } from "@/lib/http/client-ip";

type Cookie = { name: string; value: string };

const state = { cookies: new Map<string, string>(), headers: new Headers({ [PEER_HEADER]: "192.0.2.1", "user-agent": "vitest" }) };

export function resetRequest(peer = "192.0.2.1") {
  state.cookies = new Map();
  state.headers = new Headers({ [PEER_HEADER]: peer, "user-agent": "vitest" });
}

export function setRequestCookie(name: string, value: string) {
  state.cookies.set(name, value);
}

export function setRequestHeader(name: string, value: string) {
  state.headers.set(name, value);
}

const jar = {
  get: (name: string): Cookie | undefined => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
  getAll: (): Cookie[] => [...state.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => state.cookies.has(name),
  set: (nameOrCookie: string | (Cookie & Record<string, unknown>), value?: string) => {
    if (typeof nameOrCookie === "string") state.cookies.set(nameOrCookie, value ?? "");
    else state.cookies.set(nameOrCookie.name, nameOrCookie.value);
    return jar;
  },
  delete: (nameOrOptions: string | { name: string }) => {
    state.cookies.delete(typeof nameOrOptions === "string" ? nameOrOptions : nameOrOptions.name);
    return jar;
  },
};

export async function cookies() {
  return jar;
}

export async function headers() {
  return state.headers;
}

export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} };
}
