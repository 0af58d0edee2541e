import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Packages that must stay real Node modules (native-ish drivers, the generated Prisma client).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
