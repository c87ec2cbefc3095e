import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { DOCUMENTED_LIFECYCLES } from "@/lib/sweetspot/schemas";
import { CHECKOUT_FILTERS, filterLabel, parseFilter } from "./filters";

describe("CHECKOUT_FILTERS", () => {
  it("offers all, then one filter per documented lifecycle, named by its headline", () => {
    const t = translatorFor("en");
    expect(CHECKOUT_FILTERS.map((filter) => [filter.id, filterLabel(t, filter)])).toEqual([
      ["all", "All"],
      ["unfinished", "Checkout not finished"],
      ["confirmed", "Order confirmed"],
      ["leaseActive", "Lease active"],
    ]);
  });

  it("names the filters in Spanish by the same headlines", () => {
    const t = translatorFor("es");
    expect(CHECKOUT_FILTERS.map((filter) => filterLabel(t, filter))).toEqual([
      "Todos",
      "Pedido sin finalizar",
      "Pedido confirmado",
      "Arrendamiento activo",
    ]);
  });

  it("sends no lifecycles for 'all', so every other situation still appears", () => {
    expect(parseFilter("all").lifecycles).toBeUndefined();
  });

  it("sends upstream only lifecycles the API documents, one per filter", () => {
    const sent = Object.fromEntries(CHECKOUT_FILTERS.map((filter) => [filter.id, filter.lifecycles]));
    expect(sent).toEqual({
      all: undefined,
      unfinished: ["created"],
      confirmed: ["orderConfirmed"],
      leaseActive: ["leaseActive"],
    });
    const documented: readonly string[] = DOCUMENTED_LIFECYCLES;
    for (const filter of CHECKOUT_FILTERS) {
      for (const lifecycle of filter.lifecycles ?? []) expect(documented).toContain(lifecycle);
    }
  });
});

describe("parseFilter", () => {
  it.each(["all", "unfinished", "confirmed", "leaseActive"])("knows %s", (id) => {
    expect(parseFilter(id).id).toBe(id);
  });

  it.each([undefined, null, "", "CONFIRMED", "returns", "constructor", "__proto__", 3, {}, ["nope"]])(
    "falls back to 'all' for %j",
    (value) => {
      expect(parseFilter(value).id).toBe("all");
    },
  );

  it("reads the first of a repeated parameter", () => {
    expect(parseFilter(["confirmed", "unfinished"]).id).toBe("confirmed");
  });
});
