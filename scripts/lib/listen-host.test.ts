import { describe, expect, it } from "vitest";
import { listenHost } from "./listen-host";

describe("listenHost", () => {
  it("keeps a sandbox on loopback, a deployment on every address", () => {
    expect(listenHost({}, true)).toBe("127.0.0.1");
    expect(listenHost({}, false)).toBe("0.0.0.0");
  });

  it("lets HOST decide either way", () => {
    expect(listenHost({ HOST: "0.0.0.0" }, true)).toBe("0.0.0.0");
    expect(listenHost({ HOST: "10.0.0.5" }, false)).toBe("10.0.0.5");
    expect(listenHost({ HOST: " " }, true)).toBe("127.0.0.1");
  });
});
