import { describe, expect, it } from "vitest";
import { originFromRequest } from "./public-origin";

describe("originFromRequest", () => {
  it("builds the origin from Host, https only when the proxy says so", () => {
    expect(originFromRequest("orders.example.com", null)?.href).toBe("http://orders.example.com/");
    expect(originFromRequest("orders.example.com", "https")?.href).toBe("https://orders.example.com/");
    expect(originFromRequest("127.0.0.1:3100", "https, http")?.href).toBe("https://127.0.0.1:3100/");
    expect(originFromRequest("[::1]:3000", "HTTP")?.href).toBe("http://[::1]:3000/");
  });

  it("refuses a Host that could smuggle a path, credentials or markup", () => {
    for (const host of [
      null,
      "",
      "evil.example/path",
      "user@evil.example",
      'x"><script>',
      "evil.example:99999999",
      "a".repeat(300),
    ]) {
      expect(originFromRequest(host, "https"), String(host)).toBeNull();
    }
  });
});
