import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  PORTAL_HEAP_LIMIT_MB,
  prepareStandalone,
  standaloneServerPath,
  withPortalHeapLimit,
} from "./standalone";

describe("prepareStandalone", () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const read = (path: string) => readFileSync(join(root, path), "utf8");

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "standalone-"));
    write(".next/BUILD_ID", "build-1");
    write(".next/static/chunks/app.js", "first build");
    mkdirSync(join(root, ".next/standalone/.next"), { recursive: true });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("copies the build's browser assets beside the server", () => {
    prepareStandalone(root);
    expect(read(".next/standalone/.next/static/chunks/app.js")).toBe("first build");
    expect(existsSync(join(root, ".next/standalone/public"))).toBe(false);
  });

  it("bundles start.mjs, which refuses a bad configuration before it loads the server", () => {
    prepareStandalone(root);
    const start = standaloneServerPath(root);
    expect(start).toBe(join(root, ".next/standalone/start.mjs"));
    // A stand-in for Next's server.js: what it prints shows whether start.mjs got as far as loading it.
    write(".next/standalone/server.js", 'console.log("server loaded");');
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [start], {
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
        encoding: "utf8",
      });

    const refused = run({});
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("The portal cannot start: its configuration is invalid.");
    expect(refused.stderr).toContain("SWEETSPOT_API_URL: required");
    expect(refused.stdout).not.toContain("server loaded");

    const accepted = run({ SWEETSPOT_SANDBOX: "1" });
    expect(accepted.stderr).toBe("");
    expect(accepted.stdout).toContain("server loaded");
    expect(accepted.status).toBe(0);
  });

  it("copies public/ too when there is one", () => {
    write("public/robots.txt", "User-agent: *");
    prepareStandalone(root);
    expect(read(".next/standalone/public/robots.txt")).toBe("User-agent: *");
  });

  it("copies once per build, and replaces the assets of an older build", () => {
    prepareStandalone(root);
    write(".next/static/chunks/app.js", "changed without a new build");
    prepareStandalone(root);
    expect(read(".next/standalone/.next/static/chunks/app.js")).toBe("first build");

    write(".next/BUILD_ID", "build-2");
    rmSync(join(root, ".next/static/chunks/app.js"));
    write(".next/static/chunks/next.js", "second build");
    prepareStandalone(root);
    expect(read(".next/standalone/.next/static/chunks/next.js")).toBe("second build");
    expect(existsSync(join(root, ".next/standalone/.next/static/chunks/app.js"))).toBe(false);
  });
});

describe("withPortalHeapLimit", () => {
  it("adds the heap limit when none is given", () => {
    expect(withPortalHeapLimit(undefined)).toBe(`--max-old-space-size=${PORTAL_HEAP_LIMIT_MB}`);
    expect(withPortalHeapLimit("--enable-source-maps")).toBe(
      `--enable-source-maps --max-old-space-size=${PORTAL_HEAP_LIMIT_MB}`,
    );
  });

  it("keeps a limit the operator chose", () => {
    expect(withPortalHeapLimit("--max-old-space-size=512")).toBe("--max-old-space-size=512");
  });
});
