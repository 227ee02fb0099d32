import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
  // A static site in `out/` (scripts/test-frameworks.mjs serves it as it is). The starter's
  // `cacheComponents` and `partialPrefetching` are off: Next.js 16 does not export a static
  // site with them ("not yet supported with `output: 'export'`").
  output: "export",
};

export default nextConfig;
