import { describe, expect, it } from "vitest";
import { html, htmlSentence } from "./html";

const HOSTILE = `"><script>alert('x')</script>&`;
const ESCAPED = "&quot;&gt;&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&amp;";

describe("the html tag", () => {
  it("escapes every value, in text and in attributes", () => {
    expect(String(html`<a href="${HOSTILE}">${HOSTILE}</a>`)).toBe(`<a href="${ESCAPED}">${ESCAPED}</a>`);
    expect(String(html`<p>${42}</p>`)).toBe("<p>42</p>");
  });

  it("puts markup built with the tag in as it is, and its values stay escaped", () => {
    const link = html`<a href="/x">${HOSTILE}</a>`;
    expect(String(html`<p>${link}</p>`)).toBe(`<p><a href="/x">${ESCAPED}</a></p>`);
  });

  it("joins lists, and writes nothing for false, null and undefined", () => {
    const items = ["<a>", html`<b>`];
    expect(String(html`${items}|${false}|${null}|${undefined}`)).toBe("&lt;a&gt;<b>|||");
  });

  it("cannot be handed markup as a string: only the tag makes Html", () => {
    const pretending = { toString: () => "<script>" } as unknown as string;
    expect(String(html`${pretending}`)).toBe("&lt;script&gt;");
  });
});

describe("a sentence with markup in its placeholders", () => {
  it("escapes the sentence's words and keeps the placeholders' markup", () => {
    const sentence = htmlSentence(({ email }) => `Write to ${email} <now> & "soon"`, {
      email: html`<a href="mailto:${HOSTILE}">x</a>`,
    });
    expect(String(sentence)).toBe(
      `Write to <a href="mailto:${ESCAPED}">x</a> &lt;now&gt; &amp; &quot;soon&quot;`,
    );
  });

  it("takes several placeholders, in any order the language puts them", () => {
    const sentence = htmlSentence(({ a, b }) => `${b} then ${a}`, { a: html`<i>A</i>`, b: html`<b>B</b>` });
    expect(String(sentence)).toBe("<b>B</b> then <i>A</i>");
  });
});
