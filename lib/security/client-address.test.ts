import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, UNKNOWN_CLIENT } from "./client-address";

describe("clientAddress", () => {
  it("with no trusted proxy, uses the address Next's server recorded (the rightmost entry)", () => {
    expect(clientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("behind trusted proxies, counts that many entries from the right and ignores what the client wrote", () => {
    // The client wrote "10.0.0.1"; the one proxy appended the address it saw.
    expect(clientAddress("10.0.0.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddress("10.0.0.1, 198.51.100.7, 192.0.2.1", 2)).toBe("198.51.100.7");
  });

  it("uses the leftmost entry when a request passed fewer proxies than configured", () => {
    expect(clientAddress("198.51.100.7", 2)).toBe("198.51.100.7");
  });

  it("answers 'unknown' for a missing, empty or unreadable header", () => {
    expect(clientAddress(null, 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(" , ", 1)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress("<script>", 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress("unknown, 300.1.1.1", 1)).toBe(UNKNOWN_CLIENT);
  });
});

describe("normaliseAddress", () => {
  it("drops ports and brackets", () => {
    expect(normaliseAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
  });

  it("groups IPv6 addresses by their /64, so stepping through a block does not reset a count", () => {
    expect(normaliseAddress("2001:DB8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
  });
});
