import { describe, expect, it } from "vitest";
import { inDrawingOrder } from "./bidi";

describe("inDrawingOrder", () => {
  it("leaves lines without Arabic alone", () => {
    expect(inDrawingOrder("Linen sofa, 3-seat + 1 more")).toBe("Linen sofa, 3-seat + 1 more");
    expect(inDrawingOrder("abc אבג דהו xyz")).toBe("abc אבג דהו xyz");
  });

  it("leaves all-right-to-left lines to the renderer, which reverses those itself", () => {
    expect(inDrawingOrder("غرفة 2 نوم")).toBe("غرفة 2 نوم");
  });

  it("reverses the words of an Arabic run on a line with left-to-right letters", () => {
    expect(inDrawingOrder("آلة إسبريسو لؤلؤية ☕ + 2 more")).toBe("لؤلؤية إسبريسو آلة ☕ + 2 more");
  });

  it("keeps numbers between Arabic words inside the run, and trailing ones outside it", () => {
    expect(inDrawingOrder("sofa غرفة 2 نوم")).toBe("sofa نوم 2 غرفة");
    expect(inDrawingOrder("قهوة كبيرة 2 lamp")).toBe("كبيرة قهوة 2 lamp");
  });

  it("treats each run separately", () => {
    expect(inDrawingOrder("ا ب and ج د")).toBe("ب ا and د ج");
  });

  it("keeps every character, so the measured width still holds", () => {
    const line = "Order قهوة عربية كبيرة #42";
    expect([...inDrawingOrder(line)].sort()).toEqual([...line].sort());
  });
});
