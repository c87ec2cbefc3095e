import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { MAX_FORM_BYTES, readPostedForm } from "./form-body";

const FORM = "application/x-www-form-urlencoded";

/** A body streamed in 1 KB chunks without a Content-Length, counting how many chunks were pulled. */
function streamedPost(totalBytes: number) {
  const chunk = new TextEncoder().encode("a".repeat(1024));
  const pulled = { chunks: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks * chunk.byteLength >= totalBytes) return controller.close();
      pulled.chunks++;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  const request = new Request("http://portal.test/link", {
    method: "POST",
    headers: { "content-type": FORM },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

describe("readPostedForm", () => {
  it("reads a small form", async () => {
    const request = new Request("http://portal.test/language", {
      method: "POST",
      body: new URLSearchParams({ locale: "es", back: "/checkouts" }),
    });
    const posted = await readPostedForm(request);
    expect(posted.tooLarge).toBe(false);
    expect(posted.tooLarge === false && posted.form?.get("locale")).toBe("es");
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { request, pulled } = streamedPost(MAX_FORM_BYTES * 4);
    const declared = new Request(request, { headers: { "content-type": FORM, "content-length": "65536" } });
    expect(await readPostedForm(declared)).toEqual({ tooLarge: true });
    expect(pulled.chunks).toBeLessThanOrEqual(1); // a stream may pull its first chunk on creation
  });

  it("reads a streamed body only up to the limit, and refuses it there", async () => {
    const { request, pulled } = streamedPost(10 * 1024 * 1024);
    expect(await readPostedForm(request)).toEqual({ tooLarge: true });
    expect(pulled.cancelled).toBe(true);
    expect(pulled.chunks).toBeLessThanOrEqual(MAX_FORM_BYTES / 1024 + 2);
  });

  it("accepts a body of exactly the limit", async () => {
    const { request } = streamedPost(MAX_FORM_BYTES);
    const posted = await readPostedForm(request);
    expect(posted.tooLarge).toBe(false);
  });

  it("reads a body that is not a form as no form, as the routes did", async () => {
    const json = new Request("http://portal.test/link", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"token":"x"}',
    });
    expect(await readPostedForm(json)).toEqual({ tooLarge: false, form: null });
    const empty = new Request("http://portal.test/signout", { method: "POST" });
    expect(await readPostedForm(empty)).toEqual({ tooLarge: false, form: null });
  });
});

it("stays below what next.config.mjs lets Next buffer, by more than the chunk Next cuts a body at", async () => {
  // Past its limit Next drops the chunk that crosses it and the rest: what a route reads of a larger
  // body must still be over ours, or a cut body would pass as a small form.
  const largestChunk = 64 * 1024;
  const configUrl = new URL("../../next.config.mjs", import.meta.url).href;
  const { default: nextConfig }: { default: NextConfig } = await import(/* @vite-ignore */ configUrl);
  const nextLimit = Number(nextConfig.experimental?.proxyClientMaxBodySize);
  expect(nextLimit - largestChunk).toBeGreaterThan(MAX_FORM_BYTES);
  expect(nextLimit).toBeLessThanOrEqual(1024 * 1024);
});
