import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CheckoutSummaryView, CheckoutView, ShippingView } from "@/lib/checkout/types";
import { translatorFor } from "@/lib/i18n/translator";
import { CheckoutSummaryCard } from "../list/CheckoutSummaryCard";
import { CheckoutDetail } from "./CheckoutDetail";
import { ShippingPanel } from "./ShippingPanel";
import { Timeline } from "./Timeline";

const dates = { locale: "en-US", timeZone: "UTC" };
const EN = translatorFor("en");
const support = { email: "help@example.test", phone: "+1 555 010 2000", url: "https://help.example.test" };

function checkoutView(overrides: Partial<CheckoutView> = {}): CheckoutView {
  return {
    id: "chk_1",
    reference: "1",
    createdLabel: "Ordered on",
    keyFact: null,
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
        t={EN}
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
    // Collapsed to the current step; every step behind "Show all steps", which opens without JavaScript.
    // The headline says where the order stands; collapsed, the steps say what comes next.
    expect(html).toMatch(/Next step: <\/span><span dir="auto">Shipped/);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Show all steps \(3\)<\/summary><ol/);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="step"[\s\S]*Approved[\s\S]*\(current step\)/);
    expect(html).toContain('<time dateTime="2025-03-01T10:00:00.000Z" data-instant="datetime">');
  });
});

describe("ShippingPanel", () => {
  it("links a known carrier's tracking page in a new tab, saying so", () => {
    const html = renderToStaticMarkup(
      <ShippingPanel shipping={shipment} dates={dates} t={EN} reference="1" />,
    );
    expect(html).toContain('href="https://carrier.example/track?n=1Z999AA10123456784"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain("Track on UPS");
    expect(html).toContain("(opens in a new tab)");
  });

  it("says where the package is going, or went once delivered", () => {
    const address = ["1 Main St"];
    const onItsWay = renderToStaticMarkup(
      <ShippingPanel reference="1" shipping={{ ...shipment, address }} dates={dates} t={EN} />,
    );
    const delivered = renderToStaticMarkup(
      <ShippingPanel
        shipping={{ ...shipment, address, deliveredAt: "2025-03-04T09:00:00Z" }}
        dates={dates}
        t={EN}
        reference="1"
      />,
    );
    expect(onItsWay).toContain("Delivering to");
    expect(delivered).toContain("Delivered to");
    expect(delivered).not.toContain("Delivering to");
  });

  it("shows an unknown carrier's number as text, without a link", () => {
    const unknown = { ...shipment, carrierName: "Pigeon Post", trackingUrl: null };
    const html = renderToStaticMarkup(
      <ShippingPanel shipping={unknown} dates={dates} t={EN} reference="1" />,
    );
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
        t={EN}
        support={support}
      />,
    );
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x");
    expect(html).toMatch(/dir="auto"[^>]*>أريكة جلدية</);
  });

  it("opens with the situation: headline, meaning, key fact and the one action, before any panel", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          status: { label: "Checkout not finished", description: "You started it.", tone: "warning" },
          keyFact: { label: "Hold on your card ends", at: "2025-03-03T10:00:00Z", withTime: true },
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
        t={EN}
        support={support}
        refreshNote="Updated just now"
      />,
    );
    const headings = [...html.matchAll(/<h([12])[^>]*>([^<]*)</g)].map((match) => `h${match[1]} ${match[2]}`);
    // The button is the situation's action: no separate "Finish your checkout" panel repeats it.
    expect(headings).toEqual(["h1 Sofa", "h2 Progress", "h2 Shipping", "h2 Your order"]);
    expect(html.match(/shop\.example\/resume/g)).toHaveLength(1);
    const firstPanel = html.indexOf("<h2");
    for (const part of [
      'data-tone="warning"',
      "You started it.",
      "Hold on your card ends",
      "Continue checkout",
    ]) {
      expect(html.indexOf(part), part).toBeGreaterThan(0);
      expect(html.indexOf(part), part).toBeLessThan(firstPanel);
    }
    expect(html.indexOf("Updated just now")).toBeLessThan(firstPanel);
  });

  it("offers every way to reach support, with the order's reference in the mail subject", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({ status: { label: "Payment failed", description: null, tone: "danger" } })}
        dates={dates}
        t={EN}
        support={support}
      />,
    );
    expect(html).toContain('href="mailto:help@example.test?subject=Question%20about%20my%20order%20chk_1"');
    expect(html).toContain('href="tel:+15550102000"');
    expect(html).toContain('href="https://help.example.test"');
    // Up front beside a problem, and at the end of the page.
    expect(html.match(/href="mailto:/g)).toHaveLength(2);
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
        t={EN}
        support={support}
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
        t={EN}
        support={support}
      />,
    );
    expect(html.indexOf(">Waitlist</h2>")).toBeGreaterThan(0);
    expect(html.indexOf(">Waitlist</h2>")).toBeLessThan(html.indexOf(">Progress</h2>"));
  });
});

describe("CheckoutDetail says each fact once", () => {
  it("leaves out a panel's status when it only repeats the headline", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          panels: ["shipping"],
          status: { label: "Delivery problem", description: null, tone: "danger" },
          shipping: {
            ...shipment,
            trackingStatus: {
              label: "Delivery problem",
              description: "The carrier said so.",
              tone: "warning",
            },
          },
        })}
        dates={dates}
        t={EN}
        support={support}
      />,
    );
    expect(html.match(/>Delivery problem</g)).toHaveLength(1);
    expect(html).not.toContain("The carrier said so.");
  });

  it("says a hold's end as the key fact; the payments panel keeps it as one plain line", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          panels: ["payments"],
          keyFact: { label: "Hold on your card ends", at: "2025-03-03T10:00:00Z", withTime: true },
          payments: {
            deposit: { kind: "preauthorized", expiresAt: "2025-03-03T10:00:00Z", expiresSoon: true },
            recurring: null,
            problem: null,
            fees: [],
          },
        })}
        dates={dates}
        t={EN}
        support={support}
      />,
    );
    expect(html.match(/Hold on your card ends/g)).toHaveLength(1);
    expect(html).not.toMatch(/expires soon/i);
    expect(html).toContain("The hold ends on");
  });

  it("puts the payment problem beside the action, before any panel", () => {
    const html = renderToStaticMarkup(
      <CheckoutDetail
        view={checkoutView({
          panels: ["payments"],
          keyFact: { label: "Your card was declined. Failed 3 times.", at: null, withTime: false },
          nextAction: { kind: "fixPayment", label: "Fix payment", href: "#payments" },
          payments: {
            deposit: null,
            recurring: null,
            problem: {
              message: "Your card was declined.",
              advice: "Call your bank.",
              at: null,
              failureCount: 3,
            },
            fees: [],
          },
        })}
        dates={dates}
        t={EN}
        support={support}
      />,
    );
    const firstPanel = html.indexOf("<h2");
    expect(html.indexOf("Your card was declined. Failed 3 times.")).toBeLessThan(firstPanel);
    expect(html.indexOf(">Fix payment<")).toBeLessThan(firstPanel);
  });

  it("links the carrier's page once: from the action when that is tracking, else from the panel", () => {
    const render = (withAction: boolean) =>
      renderToStaticMarkup(
        <CheckoutDetail
          view={checkoutView({
            panels: ["shipping"],
            shipping: shipment,
            nextAction: withAction
              ? { kind: "trackPackage", label: "Track package", href: shipment.trackingUrl ?? "" }
              : null,
          })}
          dates={dates}
          t={EN}
          support={support}
        />,
      );
    expect(render(true).match(/carrier\.example\/track/g)).toHaveLength(1);
    expect(render(true)).toContain("Track package on UPS");
    expect(render(false).match(/carrier\.example\/track/g)).toHaveLength(1);
    expect(render(false)).toContain("Track on UPS");
  });
});

describe("CheckoutSummaryCard", () => {
  const summary: CheckoutSummaryView = {
    id: "chk/../1",
    title: "Sofa",
    reference: "…/../1",
    createdAt: null,
    createdLabel: "Ordered on",
    status: { label: "Payment problem", description: null, tone: "danger" },
    group: "attention",
    holdExpiresAt: null,
    latestMilestone: null,
    nextAction: { kind: "fixPayment", label: "Fix your payment", href: "#payments" },
  };

  it("links the title to the encoded detail page and points anchors there", () => {
    const html = renderToStaticMarkup(<CheckoutSummaryCard summary={summary} dates={dates} t={EN} />);
    expect(html).toContain('href="/checkouts/chk%2F..%2F1"');
    expect(html).toContain('href="/checkouts/chk%2F..%2F1#payments"');
  });

  it("tells same-item orders apart by date and reference, and shows a hold's end", () => {
    const html = renderToStaticMarkup(
      <CheckoutSummaryCard
        summary={{ ...summary, createdAt: "2025-03-04T10:00:00Z", holdExpiresAt: "2025-03-06T10:00:00Z" }}
        dates={dates}
        t={EN}
      />,
    );
    expect(html).toMatch(/Ordered on <time[^>]*>[^<]*2025<\/time> · ref …\/\.\.\/1/);
    expect(html).toMatch(/Hold on your card ends <time dateTime="2025-03-06T10:00:00.000Z"[^>]*>/);
    expect(html).toContain('data-tone="danger"');
  });

  it("adds no second link when the action is only to view details", () => {
    const viewOnly = { ...summary, nextAction: { kind: "viewDetails", label: "View", href: "/x" } as const };
    const html = renderToStaticMarkup(<CheckoutSummaryCard summary={viewOnly} dates={dates} t={EN} />);
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});
