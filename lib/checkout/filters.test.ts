import { describe, expect, it } from "vitest";
import { KNOWN_LIFECYCLES } from "@/lib/sweetspot/schemas";
import { CHECKOUT_FILTERS, parseFilter } from "./filters";

describe("CHECKOUT_FILTERS", () => {
  it("offers all, in progress, delivered & active, returns, cancelled — in that order", () => {
    expect(CHECKOUT_FILTERS.map(({ id, label }) => [id, label])).toEqual([
      ["all", "All"],
      ["inProgress", "In progress"],
      ["active", "Delivered & active"],
      ["returns", "Returns"],
      ["cancelled", "Cancelled"],
    ]);
  });

  it("sends no lifecycles for 'all', so unknown lifecycles still appear", () => {
    expect(parseFilter("all").lifecycles).toBeUndefined();
  });

  it("maps each situation to the lifecycles sent upstream", () => {
    const sent = Object.fromEntries(CHECKOUT_FILTERS.map((filter) => [filter.id, filter.lifecycles]));
    expect(sent).toEqual({
      all: undefined,
      inProgress: ["created", "waitlisted", "orderConfirmed", "shipped", "readyForPickup"],
      active: ["delivered", "pickedUp", "leaseActive"],
      returns: ["returnInitiated", "returned"],
      cancelled: ["cancelled"],
    });
  });

  it("puts every known lifecycle under exactly one situation", () => {
    for (const lifecycle of KNOWN_LIFECYCLES) {
      const matching = CHECKOUT_FILTERS.filter((filter) => filter.lifecycles?.includes(lifecycle));
      expect(matching, lifecycle).toHaveLength(1);
    }
  });
});

describe("parseFilter", () => {
  it.each(["all", "inProgress", "active", "returns", "cancelled"])("knows %s", (id) => {
    expect(parseFilter(id).id).toBe(id);
  });

  it.each([undefined, null, "", "ACTIVE", "constructor", "__proto__", 3, {}, ["nope"]])(
    "falls back to 'all' for %j",
    (value) => {
      expect(parseFilter(value).id).toBe("all");
    },
  );

  it("reads the first of a repeated parameter", () => {
    expect(parseFilter(["returns", "active"]).id).toBe("returns");
  });
});
