import { describe, expect, it } from "vitest";
import { formatDuration, parseDurationSeconds } from "./duration";

describe("parseDurationSeconds", () => {
  it.each([
    ["3600", 3600],
    ["90s", 90],
    ["30m", 1800],
    ["12h", 43_200],
    ["7d", 604_800],
    ["30d", 2_592_000],
    [" 7d ", 604_800],
    ["007d", 604_800],
  ])("reads %j as %i seconds", (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(["", "0", "0d", "-5", "7 d", "7D", "1.5h", "7w", "d", "h12", "1e3", "7d12h", "9999999999999d"])(
    "rejects %j",
    (text) => {
      expect(parseDurationSeconds(text)).toBeNull();
    },
  );
});

describe("formatDuration", () => {
  it.each([
    [604_800, "7d"],
    [43_200, "12h"],
    [5400, "90m"],
    [3601, "3601s"],
    [59, "59s"],
  ])("writes %i seconds as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
