import { describe, expect, it } from "vitest";
import { detectCarriers, normalizeTrackingNumber } from "./index.ts";

describe("normalizeTrackingNumber", () => {
  it("strips spaces, dashes, invisible characters and upper-cases", () => {
    const messy = "\uFEFF1z 5r8-9390\u200B3575\u00AD67\u00A0127\u2060";
    expect(normalizeTrackingNumber(messy)).toEqual({ normalized: "1Z5R89390357567127" });
    expect(normalizeTrackingNumber("rb 123 456 785 gb")).toEqual({ normalized: "RB123456785GB" });
    expect(normalizeTrackingNumber("RB123456785GB")).toEqual({ normalized: "RB123456785GB" });
  });

  it.each(["", "   ", "\u200B\u00A0", "- -"])("EMPTY for %j", (input) => {
    const r = normalizeTrackingNumber(input);
    expect("error" in r && r.error.code).toBe("EMPTY");
  });

  it("INVALID_CHARACTERS names the character and its position", () => {
    const r = normalizeTrackingNumber("RB1234/56785GB");
    expect("error" in r && r.error.code).toBe("INVALID_CHARACTERS");
    expect("error" in r && r.error.message).toMatch(/"\/" \(U\+002F\) at position 7/);
  });

  it("folds full-width digits, letters and separators (NFKC) instead of refusing them", () => {
    expect(normalizeTrackingNumber("１Ｚ５Ｒ８９３９０３５７５６７１２７")).toEqual({
      normalized: "1Z5R89390357567127",
    });
    expect(normalizeTrackingNumber("ｒｂ１２３４５６７８５ｇｂ")).toEqual({
      normalized: "RB123456785GB",
    });
    // Mixed half- and full-width, with an ideographic space and a full-width hyphen.
    expect(normalizeTrackingNumber("RB12345678５GB")).toEqual({ normalized: "RB123456785GB" });
    expect(normalizeTrackingNumber("YT２２29521272164446")).toEqual({
      normalized: "YT2229521272164446",
    });
    expect(normalizeTrackingNumber("ＪＴ５０１２\u3000３４５６－７８９０１")).toEqual({
      normalized: "JT5012345678901",
    });
    const [r] = detectCarriers(["１Ｚ５Ｒ８９３９０３５７５６７１２７"]);
    expect(r!.matches[0]!.carrier.code).toBe("ups");
  });

  it.each(["1ZÄ5R89390357567127", "TBA#00000000000", "RB12345678٥GB", "１Ｚ＃５Ｒ"])(
    "INVALID_CHARACTERS for non-ASCII letters, other scripts' digits or punctuation: %s",
    (input) => {
      const r = normalizeTrackingNumber(input);
      expect("error" in r && r.error.code).toBe("INVALID_CHARACTERS");
    },
  );

  it("TOO_LONG above 40 characters, not at 40", () => {
    expect(normalizeTrackingNumber("1".repeat(40))).toEqual({ normalized: "1".repeat(40) });
    const r = normalizeTrackingNumber("1".repeat(41));
    expect("error" in r && r.error.code).toBe("TOO_LONG");
    expect("error" in r && r.error.message).toContain("41");
  });

  it("NO_KNOWN_FORMAT through detectCarriers when nothing matches", () => {
    const [r] = detectCarriers(["ZZZZ"]);
    expect(r!.normalized).toBe("ZZZZ");
    expect(r!.errors.map((e) => e.code)).toEqual(["NO_KNOWN_FORMAT"]);
  });
});
