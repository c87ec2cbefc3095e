import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));
const TEST_FOLDERS = ["app", "lib", "components", "sandbox", "scripts", "test-support"];
const isTestFile = (name: string) => /\.test\.tsx?$/.test(name);

/** Every unit test file, relative to the project (the e2e specs are Playwright's, not vitest's). */
function unitTestFiles(): string[] {
  const files = ["proxy.test.ts"];
  for (const folder of TEST_FOLDERS) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && isTestFile(entry.name)) {
        files.push(join(entry.parentPath, entry.name).slice(root.length));
      }
    }
  }
  return files;
}

/*
 * Most files share their worker's modules (`isolate: false`): importing next, zod and jose once per
 * worker rather than once per file takes the unit step from about 90 s to about 30 s on two cores.
 * test-support/fresh-modules.ts gives each file back what isolation gave it (fresh project modules,
 * no singletons, the environment as it was). A file that replaces a module with `vi.mock` keeps a
 * module graph of its own: a mock must neither leak into the next file nor miss a module cached
 * before it.
 */
const files = unitTestFiles();
const mocksModules = files.filter((file) => readFileSync(join(root, file), "utf8").includes("vi.mock("));

const shared = {
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; unit tests run lib code directly.
      "server-only": join(root, "test-support/server-only-stub.ts"),
    },
  },
};

export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "shared modules",
          environment: "node",
          include: files.filter((file) => !mocksModules.includes(file)),
          isolate: false,
          setupFiles: ["test-support/fresh-modules.ts"],
        },
      },
      {
        ...shared,
        test: { name: "mocked modules", environment: "node", include: mocksModules },
      },
    ],
    // CI also writes a JSON report, which .ci/run sums up with the browser tests' (scripts/test-summary.ts).
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "reports/unit-results.json" }]]
      : ["default"],
  },
});
