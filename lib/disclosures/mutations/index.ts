// The disclosures domain's writes: preparing (prepare.ts) and packages (packages.ts).
export * from "./packages";
export * from "./prepare";
