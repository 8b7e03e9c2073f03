import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  cacheComponents: true,
  partialPrefetching: true,
  poweredByHeader: false,
  // .next/standalone: server.js plus only the files it needs, for the container (Dockerfile).
  // `next start` (npm run studio, the e2e suite) still serves the ordinary .next build from the
  // repo root, keeping .env and ./data where they are; Next prints a warning about it, harmlessly.
  output: "standalone",
  // Native and Node-only packages stay out of the server bundle and load from node_modules.
  // Read from disk at run time: migrations before the first query, fonts for renderer and exports.
  outputFileTracingIncludes: { "/**": ["./drizzle/**/*", "./assets/fonts/**/*"] },
  serverExternalPackages: ["sharp", "tesseract.js", "@libsql/client", "libsql", "archiver", "compromise", "pdf-lib", "@pdf-lib/fontkit"],
  // Seed 002's clients call its routes without the /api prefix: serve them there too.
  async rewrites() {
    return [
      { source: "/storyboard/code", destination: "/api/storyboard/code" },
      { source: "/storyboard/roadmap", destination: "/api/storyboard/roadmap" },
      { source: "/storyboard/jobs/:jobId", destination: "/api/storyboard/jobs/:jobId" },
    ];
  },
};

export default nextConfig;
