import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// eslint-config-next is avoided on purpose: it pulls unrs-resolver, whose lockfile entries name
// platform binaries our registry lacks, which breaks `npm ci`.
export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "drizzle/**", "next-env.d.ts", "bench/tmp/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/config/env.ts." },
      ],
    },
  },
  {
    files: ["lib/config/env.ts", "scripts/**", "tests/**", "*.config.*"],
    rules: { "no-restricted-properties": "off" },
  },
);
