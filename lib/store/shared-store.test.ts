import { expect, it, vi } from "vitest";
import { StoreUnavailableError } from "./shared-store";

it("recognises a store outage raised by another bundled copy of the module", async () => {
  vi.resetModules();
  const copy = await import("./shared-store");
  expect(copy.StoreUnavailableError).not.toBe(StoreUnavailableError);
  const fromCopy = new copy.StoreUnavailableError("redis at 127.0.0.1:6379: not connected");
  expect(fromCopy instanceof StoreUnavailableError).toBe(true);
  expect(new StoreUnavailableError("down") instanceof copy.StoreUnavailableError).toBe(true);
});

it("does not take other errors for a store outage", () => {
  expect(new Error("StoreUnavailableError") instanceof StoreUnavailableError).toBe(false);
  expect(
    Object.assign(new Error("x"), { name: "StoreUnavailableError" }) instanceof StoreUnavailableError,
  ).toBe(false);
  const nothing: unknown = null;
  expect(nothing instanceof StoreUnavailableError).toBe(false);
});
