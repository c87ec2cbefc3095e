import http from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { controlRequestRefusal } from "./loopback";
import { type RunningSandbox, startSandbox } from "./testing";

describe("controlRequestRefusal", () => {
  it("lets loopback requests through, with or without a loopback Origin", () => {
    expect(controlRequestRefusal({ host: "127.0.0.1:4010" })).toBeNull();
    expect(controlRequestRefusal({ host: "localhost:4010", origin: "http://127.0.0.1:3000" })).toBeNull();
    expect(controlRequestRefusal({ host: "[::1]:4010", "sec-fetch-site": "same-site" })).toBeNull();
  });

  it("refuses another Host (DNS rebinding) and a missing one", () => {
    expect(controlRequestRefusal({ host: "rebind.evil.example:4010" })).toMatch(/loopback/);
    expect(controlRequestRefusal({ host: "127.0.0.1.evil.example" })).toMatch(/loopback/);
    expect(controlRequestRefusal({})).toMatch(/loopback/);
  });

  it("refuses a cross-site Origin (CSRF), an opaque one, and cross-site fetches", () => {
    expect(controlRequestRefusal({ host: "127.0.0.1:4010", origin: "https://evil.example" })).toMatch(
      /other sites/,
    );
    expect(controlRequestRefusal({ host: "127.0.0.1:4010", origin: "null" })).toMatch(/other sites/);
    expect(controlRequestRefusal({ host: "127.0.0.1:4010", "sec-fetch-site": "cross-site" })).toMatch(
      /other sites/,
    );
  });
});

describe("the sandbox's control endpoints", () => {
  let running: RunningSandbox;
  beforeEach(async () => {
    running = await startSandbox();
  });
  afterEach(() => running.close());

  function reset(headers: Record<string, string>): Promise<number> {
    const url = new URL(`${running.baseUrl}/__sandbox/reset`);
    return new Promise((resolve, reject) => {
      const request = http.request(url, { method: "POST", headers }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end();
    });
  }

  it("refuse a rebound Host and a cross-site Origin, and still serve the developer", async () => {
    expect(await reset({ host: "rebind.evil.example" })).toBe(403);
    expect(await reset({ origin: "https://evil.example" })).toBe(403);
    expect(await reset({})).toBe(200);
  });
});
