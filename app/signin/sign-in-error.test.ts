import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-error";

describe("signInErrorMessage", () => {
  it("says nothing without an error", () => {
    expect(signInErrorMessage(undefined)).toBeNull();
  });

  it.each([
    ["RateLimited", "rateLimited"],
    ["AccessDenied", "accessDenied"],
    ["Configuration", "unavailable"],
    ["OAuthSignin", "unavailable"],
    ["SessionRequired", "sessionRequired"],
    ["OAuthCallback", "default"],
    ["Callback", "default"],
    ["", "default"],
    ["constructor", "default"],
    ["__proto__", "default"],
    ["<script>", "default"],
  ])("%j → %s", (error, message) => {
    expect(signInErrorMessage(error)).toBe(message);
  });

  it("gives repeated ?error= values the general message", () => {
    expect(signInErrorMessage(["RateLimited", "AccessDenied"])).toBe("default");
  });
});
