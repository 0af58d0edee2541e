// Module hooks for running lib/ code from plain Node scripts (seed, CLI, tests): "server-only" guards
// against bundling server code into the browser; outside Next.js there is no browser, so it is empty.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}
