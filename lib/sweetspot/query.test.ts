import { describe, expect, it } from "vitest";
import { buildCheckoutsQuery } from "./query";

const qs = (params: Parameters<typeof buildCheckoutsQuery>[0]) => buildCheckoutsQuery(params).toString();

describe("buildCheckoutsQuery", () => {
  it("sends nothing for no parameters", () => {
    expect(qs({})).toBe("");
    expect(buildCheckoutsQuery().toString()).toBe("");
  });

  it.each([
    [{ offset: 0 }, "offset=0"],
    [{ offset: 20 }, "offset=20"],
    [{ limit: 10 }, "limit=10"],
    [{ userId: "usr_abc123" }, "userId=usr_abc123"],
    [{ id: "chk_abc123def456" }, "id=chk_abc123def456"],
    [{ organizationId: 123 }, "organizationId=123"],
    [{ organizationIds: [123] }, "organizationIds=%5B123%5D"],
    [{ organizationIds: [1, 2] }, "organizationIds=%5B1%2C2%5D"],
    [{ lifecycle: "created" }, "lifecycle=created"],
    [{ lifecycles: ["orderConfirmed"] }, "lifecycles=orderConfirmed"],
    [{ lifecycles: ["orderConfirmed", "leaseActive"] }, "lifecycles=orderConfirmed%2CleaseActive"],
    [{ waitlistReason: "inventory" }, "waitlistReason=inventory"],
    [{ waitlistReason: "location" }, "waitlistReason=location"],
    [{ sortBy: "created_at" }, "sortBy=created_at"],
    [{ sortBy: "createdAt" }, "sortBy=created_at"],
    [{ sortBy: "updated_at" }, "sortBy=updated_at"],
    [{ sortBy: "updatedAt" }, "sortBy=updated_at"],
    [{ sortOrder: "asc" }, "sortOrder=asc"],
    [{ sortOrder: "desc" }, "sortOrder=desc"],
    [{ externalOrderId: "SO-1001/A&B" }, "externalOrderId=SO-1001%2FA%26B"],
  ] as const)("%j → %s", (params, expected) => {
    expect(qs(params)).toBe(expected);
  });

  it("decodes to the documented forms", () => {
    const query = buildCheckoutsQuery({
      organizationIds: [1, 2],
      lifecycles: ["orderConfirmed", "leaseActive"],
    });
    expect(query.get("organizationIds")).toBe("[1,2]");
    expect(query.get("lifecycles")).toBe("orderConfirmed,leaseActive");
  });

  it("puts every parameter in the documented order", () => {
    expect(
      qs({
        externalOrderId: "ext_1",
        sortOrder: "desc",
        sortBy: "createdAt",
        waitlistReason: "inventory",
        lifecycles: ["orderConfirmed", "leaseActive"],
        lifecycle: "created",
        organizationIds: [123],
        organizationId: 123,
        id: "chk_1",
        userId: "usr_1",
        limit: 10,
        offset: 0,
      }),
    ).toBe(
      "offset=0&limit=10&userId=usr_1&id=chk_1&organizationId=123&organizationIds=%5B123%5D&lifecycle=created" +
        "&lifecycles=orderConfirmed%2CleaseActive&waitlistReason=inventory&sortBy=created_at&sortOrder=desc" +
        "&externalOrderId=ext_1",
    );
  });

  it("encodes hostile values instead of letting them add parameters", () => {
    const query = buildCheckoutsQuery({ userId: "usr_1&userId=usr_2", id: "a b#c" });
    expect(query.getAll("userId")).toEqual(["usr_1&userId=usr_2"]);
    expect(query.toString()).toBe("userId=usr_1%26userId%3Dusr_2&id=a+b%23c");
  });

  it.each([
    [{ offset: -1 }],
    [{ offset: 1.5 }],
    [{ limit: 0 }],
    [{ limit: Number.NaN }],
    [{ userId: "" }],
    [{ id: "" }],
    [{ organizationIds: [] }],
    [{ organizationIds: [1.5] }],
    [{ lifecycles: [] }],
    [{ lifecycles: ["a,b"] }],
    [{ sortBy: "toString" }],
    [{ sortOrder: "sideways" }],
  ])("rejects %j before any request", (params) => {
    expect(() => buildCheckoutsQuery(params as never)).toThrow(RangeError);
  });
});
