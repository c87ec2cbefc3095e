import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CheckoutSummaryView, CheckoutView, ShippingView } from "@/lib/checkout/types";
import { CheckoutSummaryCard } from "../list/CheckoutSummaryCard";
import { CheckoutDetail } from "./CheckoutDetail";
import { ShippingPanel } from "./ShippingPanel";
import { Timeline } from "./Timeline";

const dates = { locale: "en-US", timeZone: "UTC" };

function checkoutView(overrides: Partial<CheckoutView> = {}): CheckoutView {
  return {
    id: "chk_1",
    title: "Sofa",
    items: [{ name: "Sofa", quantity: 1 }],
    externalOrderId: null,
    createdAt: "2025-03-01T10:00:00Z",
    updatedAt: null,
    status: { label: "On its way", description: null, tone: "info" },
    needsAttention: false,
    live: true,
    panels: ["continueCheckout", "waitlist", "progress", "shipping", "returns", "payments", "lease", "items"],
    timeline: { milestones: [], source: "derived" },
    nextAction: null,
    continueCheckout: null,
    shipping: null,
    returns: null,
    waitlist: null,
    payments: null,
    lease: null,
    insurance: null,
    ...overrides,
  };
}

const shipment: Extract<ShippingView, { kind: "shipment" }> = {
  kind: "shipment",
  carrierName: "UPS",
  trackingNumber: "1Z999AA10123456784",
  trackingUrl: "https://carrier.example/track?n=1Z999AA10123456784",
  trackingStatus: null,
  shippedAt: "2025-03-02T09:00:00Z",
  deliveredAt: null,
  signedBy: null,
  address: null,
};

describe("Timeline", () => {
  it("is an ordered list with the current step marked for assistive tech", () => {
    const html = renderToStaticMarkup(
      <Timeline
        dates={dates}
        timeline={{
          source: "progress",
          milestones: [
            { key: "deposit", label: "Deposit paid", state: "done", at: "2025-03-01T10:00:00Z" },
            { key: "approval", label: "Approved", state: "current", at: null },
            { key: "shipped", label: "Shipped", state: "upcoming", at: null },
          ],
        }}
      />,
    );
    expect(html.startsWith("<ol")).toBe(true);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="step"[\s\S]*Approved[\s\S]*\(current step\)/);
    expect(html).toContain('<time dateTime="2025-03-01T10:00:00.000Z" data-instant="datetime">');
  });
});

describe("ShippingPanel", () => {
  it("links a known carrier's tracking page in a new tab, saying so", () => {
    const html = renderToStaticMarkup(<ShippingPanel shipping={shipment} dates={dates} />);
    expect(html).toContain('href="https://carrier.example/track?n=1Z999AA10123456784"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain("Track on UPS");
    expect(html).toContain("(opens in a new tab)");
  });

  it("says where the package is going, or went once delivered", () => {
    const address = ["1 Main St"];
    const onItsWay = renderToStaticMarkup(
      <ShippingPanel shipping={{ ...shipment, address }} dates={dates} />,
    );
    const delivered = renderToStaticMarkup(
      <ShippingPanel
        shipping={{ ...shipment, address, deliveredAt: "2025-03-04T09:00:00Z" }}
        dates={dates}
      />,
    );
    expect(onItsWay).toContain("Delivering to");
    expect(delivered).toContain("Delivered to");
    expect(delivered).not.toContain("Delivering to");
  });

  it("shows an unknown carrier's number as text, without a link", () => {
    const unknown = { ...shipment, carrierName: "Pigeon Post", trackingUrl: null };
    const html = renderToStaticMarkup(<ShippingPanel shipping={unknown} dates={dates} />);
    expect(html).toContain("1Z999AA10123456784");
    expect(html).not.toContain("<a ");
    // The copy button needs JavaScript; the server sends the number alone.
    expect(html).not.toContain("<button");
  });
});

describe("CheckoutDetail", () => {
  it("escapes hostile text from the API and lets free text pick its direction", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          title: hostile,
          items: [{ name: "أريكة جلدية", quantity: 2 }],
          externalOrderId: hostile,
        })}
        dates={dates}
      />,
    );
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x");
    expect(html).toMatch(/dir="auto"[^>]*>أريكة جلدية</);
  });

  it("puts Continue checkout before everything else below the header", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          continueCheckout: { kind: "link", href: "https://shop.example/resume", label: "Continue checkout" },
          nextAction: {
            kind: "continueCheckout",
            label: "Continue checkout",
            href: "https://shop.example/resume",
          },
          timeline: {
            source: "derived",
            milestones: [{ key: "a", label: "Started", state: "current", at: null }],
          },
          shipping: shipment,
        })}
        dates={dates}
        refreshNote="Updated just now"
      />,
    );
    const headings = [...html.matchAll(/<h([12])[^>]*>([^<]*)</g)].map((match) => `h${match[1]} ${match[2]}`);
    expect(headings).toEqual([
      "h1 Sofa",
      "h2 Finish your checkout",
      "h2 Progress",
      "h2 Shipping",
      "h2 Your order",
    ]);
    expect(html.match(/shop\.example\/resume/g)).toHaveLength(1);
    expect(html.indexOf("Updated just now")).toBeLessThan(html.indexOf("Finish your checkout"));
  });
});

describe("CheckoutDetail's order of panels", () => {
  it("follows the order the situation gives", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          panels: ["payments", "shipping", "items"],
          shipping: shipment,
          payments: {
            deposit: null,
            recurring: null,
            problem: null,
            fees: [{ name: "Delivery", amount: "$1.00" }],
          },
        })}
        dates={dates}
      />,
    );
    const payments = html.indexOf(">Payments</h2>");
    expect(payments).toBeGreaterThan(0);
    expect(payments).toBeLessThan(html.indexOf(">Shipping</h2>"));
    // Panels the situation leaves out are not shown.
    expect(html).not.toContain(">Insurance</h2>");
  });

  it("puts a waitlist's reason before the steps", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          timeline: {
            source: "derived",
            milestones: [{ key: "waitlisted", label: "On the waitlist", state: "current", at: null }],
          },
          waitlist: {
            reason: { label: "Waiting for stock", description: null, tone: "info" },
            locationMessage: null,
            address: null,
          },
        })}
        dates={dates}
      />,
    );
    expect(html.indexOf(">Waitlist</h2>")).toBeGreaterThan(0);
    expect(html.indexOf(">Waitlist</h2>")).toBeLessThan(html.indexOf(">Progress</h2>"));
  });
});

describe("CheckoutDetail's continue panel", () => {
  const continueCheckout = {
    kind: "link",
    href: "https://shop.example/resume",
    label: "Continue checkout",
  } as const;
  const withHold = (expiresSoon: boolean) =>
    renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          continueCheckout,
          payments: {
            deposit: { kind: "preauthorized", expiresAt: "2025-03-03T10:00:00Z", expiresSoon },
            recurring: null,
            problem: null,
            fees: [],
          },
        })}
        dates={dates}
      />,
    );
  const panelOf = (html: string) =>
    html.slice(html.indexOf('id="continue"'), html.indexOf("Continue checkout"));

  it("warns beside the button when the deposit hold lapses soon", () => {
    expect(panelOf(withHold(true))).toContain("The hold on your card expires soon.");
    expect(panelOf(withHold(true))).toContain('dateTime="2025-03-03T10:00:00.000Z"');
  });

  it("says nothing of a hold that is not about to lapse", () => {
    expect(panelOf(withHold(false))).not.toContain("hold");
  });
});

describe("CheckoutDetail's next step", () => {
  const fixPayment = { kind: "fixPayment", label: "Fix payment", href: "#payments" } as const;
  const problem = {
    message: "Your card was declined.",
    advice: "Call your bank.",
    at: null,
    failureCount: 3,
  };

  it("says why beside the action, so the problem is on the first screen", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          nextAction: fixPayment,
          payments: { deposit: null, recurring: null, problem, fees: [] },
        })}
        dates={dates}
      />,
    );
    const hint = html.slice(html.indexOf("What to do now"), html.indexOf("Fix payment"));
    expect(hint).toContain("Your card was declined.");
  });

  it("adds a reason for a delivery problem, not for a package simply on its way", () => {
    const trackPackage = {
      kind: "trackPackage",
      label: "Track package",
      href: shipment.trackingUrl ?? "",
    } as const;
    const problemStatus = {
      label: "Delivery problem",
      description: "The carrier reported a problem.",
      tone: "warning",
    } as const;
    const routineStatus = { label: "In transit", description: "On its way to you.", tone: "info" } as const;
    // The situation table marks a carrier exception as needing attention; a routine shipment does not.
    const hintOf = (trackingStatus: typeof problemStatus | typeof routineStatus) => {
      const needsAttention = trackingStatus === problemStatus;
      const html = renderToStaticMarkup(
        <CheckoutDetail
          view={checkoutView({
            nextAction: trackPackage,
            needsAttention,
            shipping: { ...shipment, trackingStatus },
          })}
          dates={dates}
        />,
      );
      return html.slice(html.indexOf("What to do now"), html.indexOf("Track package"));
    };
    expect(hintOf(problemStatus)).toContain("The carrier reported a problem.");
    expect(hintOf(routineStatus)).not.toContain("On its way to you.");
  });
});

describe("CheckoutSummaryCard", () => {
  const summary: CheckoutSummaryView = {
    id: "chk/../1",
    title: "Sofa",
    createdAt: null,
    status: { label: "Payment problem", description: null, tone: "danger" },
    latestMilestone: null,
    nextAction: { kind: "fixPayment", label: "Fix your payment", href: "#payments" },
  };

  it("links the title to the encoded detail page and points anchors there", () => {
    const html = renderToStaticMarkup(<CheckoutSummaryCard summary={summary} dates={dates} />);
    expect(html).toContain('href="/checkouts/chk%2F..%2F1"');
    expect(html).toContain('href="/checkouts/chk%2F..%2F1#payments"');
  });

  it("adds no second link when the action is only to view details", () => {
    const viewOnly = { ...summary, nextAction: { kind: "viewDetails", label: "View", href: "/x" } as const };
    const html = renderToStaticMarkup(<CheckoutSummaryCard summary={viewOnly} dates={dates} />);
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});
