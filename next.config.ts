import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  cacheComponents: true,
  partialPrefetching: true,
  poweredByHeader: false,
  // Native and Node-only packages stay out of the server bundle and load from node_modules.
  // Read from disk at run time: migrations before the first query, fonts for renderer and exports.
  outputFileTracingIncludes: { "/**": ["./drizzle/**/*", "./assets/fonts/**/*"] },
  serverExternalPackages: ["sharp", "tesseract.js", "@libsql/client", "libsql", "archiver", "compromise", "pdf-lib", "@pdf-lib/fontkit"],
};

export default nextConfig;
