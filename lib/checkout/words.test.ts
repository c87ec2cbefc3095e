import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { type Translator, translatorFor } from "@/lib/i18n/translator";
import {
  KNOWN_INSURANCE_STATUSES,
  KNOWN_LIFECYCLES,
  KNOWN_MILESTONE_KEYS,
  KNOWN_PAYMENT_ERROR_CODES,
  KNOWN_RECURRING_PAYMENT_STATUSES,
  KNOWN_STATES,
  KNOWN_TRACKING_STATUSES,
  KNOWN_WAITLIST_REASONS,
} from "@/lib/sweetspot/schemas";
import { checkoutRecord, detailRecord } from "@/test-support/test-records";
import { checkoutFacts } from "./facts";
import type { StatusView } from "./types";
import {
  actionLabel,
  failuresText,
  insuranceStatusView,
  leaseTermText,
  locationMessageText,
  milestoneLabel,
  paymentProblemWords,
  pickupStatusView,
  recurringPaymentStatusView,
  returnStatusView,
  situationStatus,
  supportContactWords,
  trackingStatusView,
} from "./words";

const EN = translatorFor("en");
const ES = translatorFor("es");

const NOW = new Date("2026-03-01T00:00:00.000Z");

/** The headline for a lifecycle alone, through the situation table. */
const lifecycleStatusView = (lifecycle: string | null, t: Translator = EN) =>
  situationStatus(t, checkoutFacts(checkoutRecord({ lifecycle }), null, NOW).situation);

/** The headline for a detail state when the lifecycle says nothing. */
const checkoutStateStatusView = (state: string | null, t: Translator = EN) =>
  situationStatus(
    t,
    checkoutFacts(checkoutRecord({ lifecycle: null }), detailRecord({ state }), NOW).situation,
  );

/** The waitlist panel's reason: the words of the situation that waitlist reason names. */
const waitlistReasonStatus = (t: Translator, reason: string | null) =>
  situationStatus(t, checkoutFacts(checkoutRecord({ waitlistReason: reason }), null, NOW).waitlistSituation);

/** Strings the API might send that we have no words for, including ones that hit Object.prototype. */
const UNKNOWN_VALUES = [
  "pendingDeposit",
  "awaiting_capture",
  "SHIPPED_LATE",
  "in-transit",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "",
  " ",
  "<script>alert(1)</script>",
];

function randomIdentifier(seed: number): string {
  // Deterministic pseudo-random camelCase/snake_case identifiers: the shapes raw enum values take.
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const word = () =>
    Array.from({ length: 3 + (next() % 6) }, () => letters[next() % letters.length]).join("");
  return next() % 2 === 0
    ? `${word()}_${word()}`
    : `${word()}${word().replace(/^./, (c) => c.toUpperCase())}`;
}

const RANDOM_UNKNOWN_VALUES = Array.from({ length: 50 }, (_, index) => randomIdentifier(index + 1));

/** A label that is customer text: not empty, not the value itself, not identifier-shaped. */
function expectCustomerLabel(label: string, raw: string) {
  expect(label.trim()).not.toBe("");
  expect(label).not.toBe(raw);
  expect(label).not.toMatch(/[a-z][A-Z]/); // camelCase, e.g. pendingDeposit
  expect(label).not.toMatch(/_/); // snake_case, e.g. in_transit
}

function expectStatusView(view: StatusView, raw: string) {
  expectCustomerLabel(view.label, raw);
  expect(["neutral", "info", "success", "warning", "danger"]).toContain(view.tone);
  // Plain words ("shipped") may appear in a sentence; identifiers ("in_transit", "pendingDeposit") must not.
  if (view.description !== null && /[a-z][A-Z]|_/.test(raw)) expect(view.description).not.toContain(raw);
}

type StatusTable = [
  name: string,
  lookup: (value: string | null) => StatusView,
  known: readonly string[],
  /** Values mapped through the situation table may share a situation (and its words); the rows differ. */
  distinct: boolean,
];

/** Every lookup, in every language: the fallbacks hold in Spanish as in English. */
const STATUS_TABLES: StatusTable[] = LOCALES.flatMap((locale): StatusTable[] => {
  const t = translatorFor(locale);
  return [
    [`lifecycle (${locale})`, (value) => lifecycleStatusView(value, t), KNOWN_LIFECYCLES, false],
    [`detail state (${locale})`, (value) => checkoutStateStatusView(value, t), KNOWN_STATES, false],
    [`insurance (${locale})`, (value) => insuranceStatusView(t, value), KNOWN_INSURANCE_STATUSES, true],
    [
      `recurring payment (${locale})`,
      (value) => recurringPaymentStatusView(t, value),
      KNOWN_RECURRING_PAYMENT_STATUSES,
      true,
    ],
    [`waitlist reason (${locale})`, (value) => waitlistReasonStatus(t, value), KNOWN_WAITLIST_REASONS, true],
    [`tracking status (${locale})`, (value) => trackingStatusView(t, value), KNOWN_TRACKING_STATUSES, true],
  ];
});

describe.each(STATUS_TABLES)("%s words", (_name, lookup, known, distinct) => {
  const fallback = lookup(null);

  it.each([...known])("has its own words for the known value %s", (value) => {
    const view = lookup(value);
    expectStatusView(view, value);
    expect(view).not.toEqual(fallback);
  });

  if (distinct) {
    it("gives every known value distinct words", () => {
      const labels = known.map((value) => lookup(value).label);
      expect(new Set(labels).size).toBe(labels.length);
    });
  }

  it.each([...UNKNOWN_VALUES, ...RANDOM_UNKNOWN_VALUES])("falls back to neutral words for %j", (value) => {
    const knownValues: readonly string[] = known;
    if (knownValues.includes(value) || knownValues.includes(value.trim().toLowerCase())) return;
    const view = lookup(value);
    expectStatusView(view, value);
    expect(view).toEqual(fallback);
  });

  it("falls back for null", () => {
    expectCustomerLabel(fallback.label, "null");
  });
});

describe("lifecycle words", () => {
  it("calls an unfinished checkout what it is", () => {
    expect(lifecycleStatusView("created").label).toBe("Checkout not finished");
  });

  it("says the status is unavailable, neutrally, for unknown or missing lifecycles", () => {
    // Case, separators and spaces are normalised at the schema, so these are the documented value.
    for (const variant of ["leaseActive ", "LEASEACTIVE", "lease_active", "Lease-Active"]) {
      expect(lifecycleStatusView(variant).label).toBe("Lease active");
    }
    expect(lifecycleStatusView("teleported")).toMatchObject({ label: "Status unavailable", tone: "neutral" });
    expect(lifecycleStatusView(null)).toMatchObject({ label: "Status unavailable", tone: "neutral" });
  });
});

describe("tracking status words", () => {
  it("reads carriers' statuses whatever their case", () => {
    expect(trackingStatusView(EN, "IN_TRANSIT").label).toBe("In transit");
    expect(trackingStatusView(EN, " Out_For_Delivery ").label).toBe("Out for delivery");
  });

  it("says 'Tracking update' for statuses it does not know", () => {
    expect(trackingStatusView(EN, "held_at_customs").label).toBe("Tracking update");
  });
});

describe("payment problem words", () => {
  it.each([...KNOWN_PAYMENT_ERROR_CODES])("has a message and advice of its own for %s", (code) => {
    const words = paymentProblemWords(EN, code);
    expect(words).not.toEqual(paymentProblemWords(EN, null));
    expect(words.message).not.toContain(code);
    expect(words.advice).not.toContain(code);
    expect(words.message.length).toBeGreaterThan(10);
    expect(words.advice.length).toBeGreaterThan(10);
  });

  it.each([...UNKNOWN_VALUES, ...RANDOM_UNKNOWN_VALUES])("uses generic words for %j", (code) => {
    expect(paymentProblemWords(EN, code)).toEqual(paymentProblemWords(EN, null));
  });
});

describe("location messages", () => {
  it("turns known codes into sentences", () => {
    const sentence = locationMessageText(EN, "service_area_expansion_pending");
    expect(sentence).toMatch(/expanding/);
    expect(sentence).not.toContain("_");
  });

  it.each([...UNKNOWN_VALUES.filter((value) => value.trim() !== ""), ...RANDOM_UNKNOWN_VALUES])(
    "never shows the code %j itself",
    (code) => {
      const sentence = locationMessageText(EN, code);
      expect(sentence).not.toBeNull();
      expect(sentence).not.toContain(code);
      expect(sentence).toBe(locationMessageText(EN, "some_code_we_do_not_know"));
    },
  );

  it("is null when there is no code", () => {
    expect(locationMessageText(EN, null)).toBeNull();
    expect(locationMessageText(EN, "  ")).toBeNull();
  });
});

describe("milestone labels", () => {
  it.each([...KNOWN_MILESTONE_KEYS])("has words for %s, preferred over the API's label", (key) => {
    const label = milestoneLabel(EN, key, "API LABEL", 3);
    expectCustomerLabel(label, key);
    expect(label).not.toBe("API LABEL");
  });

  it("uses the API's label for a key it does not know", () => {
    expect(milestoneLabel(EN, "insuranceReviewed", "Insurance reviewed", 4)).toBe("Insurance reviewed");
  });

  it.each([...RANDOM_UNKNOWN_VALUES, "constructor", "__proto__"])(
    "says 'Step N' for unknown key %s without a label",
    (key) => {
      expect(milestoneLabel(EN, key, null, 4)).toBe("Step 4");
    },
  );
});

describe("lease terms", () => {
  it.each([
    ["lt_12m", "12 months"],
    ["lt_1m", "1 month"],
    ["LT_24M", "24 months"],
    ["lt_52w", "52 weeks"],
    ["lt_2y", "2 years"],
    ["lt_1y", "1 year"],
  ])("reads %s as %s", (id, text) => {
    expect(leaseTermText(EN, id)).toBe(text);
  });

  it.each([null, "", "lt_", "lt_0m", "lt_12", "lt_12q", "12m", "lt_1234m", "term_12m", "constructor"])(
    "knows nothing of %j",
    (id) => {
      expect(leaseTermText(EN, id)).toBeNull();
    },
  );
});

describe("fixed labels", () => {
  it("labels every action and filter in words", () => {
    const kinds = ["continueCheckout", "trackPackage", "seeReturn", "fixPayment", "viewDetails"] as const;
    for (const t of [EN, ES]) {
      for (const kind of kinds) expectCustomerLabel(actionLabel(t, kind), kind);
    }
    expect(actionLabel(EN, "continueCheckout")).toBe("Continue checkout");
    expect(actionLabel(ES, "continueCheckout")).toBe("Continuar con el pedido");
  });
});

describe("the same lookups in Spanish", () => {
  it("says each situation's headline and meaning in Spanish", () => {
    expect(lifecycleStatusView("shipped", ES)).toEqual({
      label: "En camino",
      description: "Su pedido fue enviado.",
      tone: "info",
    });
    expect(checkoutStateStatusView("pendingDeposit", ES).label).toBe("Depósito preautorizado");
    expect(lifecycleStatusView("teleported", ES)).toMatchObject({
      label: "Estado no disponible",
      tone: "neutral",
    });
  });

  it("keeps each lookup's tone whatever the language", () => {
    for (const value of [...KNOWN_TRACKING_STATUSES, "held_at_customs"]) {
      expect(trackingStatusView(ES, value).tone).toBe(trackingStatusView(EN, value).tone);
    }
    for (const value of [...KNOWN_INSURANCE_STATUSES, "lost"]) {
      expect(insuranceStatusView(ES, value).tone).toBe(insuranceStatusView(EN, value).tone);
    }
    for (const value of [...KNOWN_RECURRING_PAYMENT_STATUSES, "paused"]) {
      expect(recurringPaymentStatusView(ES, value).tone).toBe(recurringPaymentStatusView(EN, value).tone);
    }
  });

  it("falls back to neutral Spanish words for values it does not know", () => {
    expect(insuranceStatusView(ES, "constructor").label).toBe("Estado no disponible");
    expect(recurringPaymentStatusView(ES, "__proto__").label).toBe("Calendario no disponible");
    expect(trackingStatusView(ES, "held_at_customs").label).toBe("Actualización del envío");
    expect(paymentProblemWords(ES, "do_not_honor")).toEqual({
      message: "Un pago reciente no se procesó.",
      advice: "Comuníquese con atención al cliente y le ayudaremos a resolverlo.",
    });
    expect(locationMessageText(ES, "moon_base")).toBe(
      "Todavía no podemos dar servicio en esta dirección. Le avisaremos en cuanto eso cambie.",
    );
    expect(milestoneLabel(ES, "insuranceReviewed", null, 4)).toBe("Paso 4");
    // The API's own label is free text: shown as sent, in whatever language it is.
    expect(milestoneLabel(ES, "insuranceReviewed", "Insurance reviewed", 4)).toBe("Insurance reviewed");
    expect(leaseTermText(ES, "lt_12q")).toBeNull();
  });

  it("words payment problems, pickups and returns in Spanish", () => {
    expect(paymentProblemWords(ES, "card_declined").message).toBe("Su tarjeta fue rechazada.");
    expect(pickupStatusView(ES, "ready").label).toBe("Listo para recoger");
    expect(returnStatusView(ES, "completed").label).toBe("Devolución completada");
    expect(milestoneLabel(ES, "leaseActive", "Lease started", 5)).toBe("Arrendamiento iniciado");
    expect(locationMessageText(ES, "OUTSIDE_SERVICE_AREA")).toBe(
      "Su dirección está fuera de la zona a la que damos servicio por ahora.",
    );
  });

  it.each([
    ["lt_1d", "1 día", "1 day"],
    ["lt_30d", "30 días", "30 days"],
    ["lt_1w", "1 semana", "1 week"],
    ["lt_52w", "52 semanas", "52 weeks"],
    ["lt_1m", "1 mes", "1 month"],
    ["lt_12m", "12 meses", "12 months"],
    ["lt_1y", "1 año", "1 year"],
    ["lt_2y", "2 años", "2 years"],
  ])("reads the lease term %s as %s (English: %s)", (id, spanish, english) => {
    expect(leaseTermText(ES, id)).toBe(spanish);
    expect(leaseTermText(EN, id)).toBe(english);
  });

  it.each([
    [1, "Su tarjeta fue rechazada. El cobro falló una vez.", "Your card was declined. Failed once."],
    [3, "Su tarjeta fue rechazada. El cobro falló 3 veces.", "Your card was declined. Failed 3 times."],
  ])("counts %i failed payment(s) as a whole sentence", (count, spanish, english) => {
    expect(failuresText(ES, "Su tarjeta fue rechazada.", count)).toBe(spanish);
    expect(failuresText(EN, "Your card was declined.", count)).toBe(english);
    expect(failuresText(ES, "Su tarjeta fue rechazada.", 0)).toBe("Su tarjeta fue rechazada.");
  });

  it("pluralises the list's and the timeline's counts", () => {
    expect(ES("checkout.list.olderDone", { count: 1 })).toBe("Ver 1 pedido anterior");
    expect(ES("checkout.list.olderDone", { count: 4 })).toBe("Ver 4 pedidos anteriores");
    expect(EN("checkout.list.olderDone", { count: 1 })).toBe("Show 1 older order");
    expect(EN("checkout.list.olderDone", { count: 4 })).toBe("Show 4 older orders");
    expect(ES("checkout.title.andMore", { first: "Sofá", others: 1 })).toBe("Sofá y 1 más");
    expect(ES("checkout.title.andMore", { first: "Sofá", others: 2 })).toBe("Sofá y 2 más");
    expect(EN("checkout.title.andMore", { first: "Sofa", others: 2 })).toBe("Sofa + 2 more");
    expect(ES("checkout.timeline.showAll", { count: 5 })).toBe("Ver todos los pasos (5)");
    expect(ES("checkout.list.skippedTitle", { count: 1 })).toBe("No se pudo mostrar un pedido");
    expect(ES("checkout.list.skippedTitle", { count: 2 })).toBe("No se pudieron mostrar 2 pedidos");
  });

  it("asks support about the order in the customer's language", () => {
    expect(supportContactWords(ES, "chk_1")).toEqual({
      mailSubject: "Pregunta sobre mi pedido chk_1",
      helpCentre: "Centro de ayuda",
    });
    expect(supportContactWords(EN, null).mailSubject).toBe("Question about my order");
  });
});
