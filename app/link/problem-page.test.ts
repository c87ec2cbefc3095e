import { describe, expect, it } from "vitest";
import { linkProblemResponse } from "./problem-page";

const context = { nonce: null, origin: null };
const text = (response: Response) => response.text();

describe("the expired-link page", () => {
  it("offers “Email me a new link” as a same-page POST form carrying the token in its body", async () => {
    const page = await text(
      linkProblemResponse("expired", context, { offer: "email_new_link", token: "a.b.c" }),
    );
    expect(page).toContain('<form method="post" action="/link/renew">');
    expect(page).toContain('<input type="hidden" name="token" value="a.b.c">');
    expect(page).toContain(">Email me a new link</button>");
  });

  it("has no button for a link that cannot be renewed (forged, garbled, revoked)", async () => {
    for (const reason of ["expired", "invalid", "not_yet_valid"] as const) {
      const page = await text(linkProblemResponse(reason, context, { offer: "none" }));
      expect(page).not.toContain("Email me a new link");
      expect(page).not.toContain("<form");
    }
  });

  it("names the support contact when the portal cannot send a new link", async () => {
    const page = await text(
      linkProblemResponse("expired", context, {
        offer: "contact_support",
        supportEmail: "help@example.test",
      }),
    );
    expect(page).toContain('<a href="mailto:help@example.test">help@example.test</a>');
    expect(page).not.toContain("<form");
  });
});

describe("every link page", () => {
  it("carries the site header and every configured way to reach support, as working links", async () => {
    const support = {
      email: "help@example.test",
      phone: "+1 (555) 010-0199",
      url: "https://help.example.test/",
    };
    for (const reason of ["expired", "invalid", "not_yet_valid"] as const) {
      const page = await text(linkProblemResponse(reason, { ...context, support }));
      expect(page).toMatch(/<header class="site"><a class="brand" href="\/">.*The Sweet Spot<\/a><\/header>/);
      expect(page).toContain('href="/signin"');
      expect(page).toContain('href="mailto:help@example.test?subject=');
      expect(page).toContain('href="tel:+15550100199"');
      expect(page).toContain('href="https://help.example.test/"');
    }
  });
});
