import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React Server Components; unit tests run lib code directly.
      "server-only": fileURLToPath(new URL("./test-support/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "proxy.test.ts",
      "app/**/*.test.ts",
      "lib/**/*.test.ts",
      "lib/**/*.test.tsx",
      "components/**/*.test.tsx",
      "sandbox/**/*.test.ts",
      "scripts/**/*.test.ts",
      "test-support/**/*.test.ts",
    ],
    environment: "node",
    // CI also writes a JSON report, which .ci/run sums up with the browser tests' (scripts/test-summary.ts).
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "reports/unit-results.json" }]]
      : ["default"],
  },
});
