// Stands in for "server-only" under Vitest (there is no client bundle in tests).
export {};
