import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Packages that must stay real Node modules (drivers, the generated Prisma client).
  // prom-client too: the HTTP server (scripts/server.mjs) and the app must share one registry.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "@electric-sql/pglite", "prom-client"],
  experimental: {
    authInterrupts: true,
    // Scans of paper consent (≤ 5 MB) and CSV imports travel through server actions.
    serverActions: { bodySizeLimit: "30mb" },
    // proxy.ts buffers request bodies; its 10 MB default would cut a 10 MB scan short.
    proxyClientMaxBodySize: "30mb",
  },
  poweredByHeader: false,
};

export default nextConfig;
