import { chromium } from "/work/main/node_modules/playwright/index.mjs";

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
const page = await ctx.newPage();
await page.goto("http://127.0.0.1:8765/client.html");
await page.getByRole("button", { name: "Copy tracking number" }).click();
console.log("status:", await page.getByRole("status").textContent());
console.log("clipboard:", await page.evaluate(() => navigator.clipboard.readText()));
// Fallback: no clipboard API.
const page2 = await ctx.newPage();
await page2.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
await page2.goto("http://127.0.0.1:8765/client.html");
await page2.getByRole("button", { name: "Copy tracking number" }).click();
console.log(
  "fallback status:",
  await page2.getByRole("status").textContent(),
  "selection:",
  await page2.evaluate(() => String(window.getSelection())),
);
const box = await page.getByRole("button").boundingBox();
console.log("button", box.width, box.height);
await browser.close();
