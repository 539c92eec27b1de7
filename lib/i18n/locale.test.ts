import { describe, expect, it } from "vitest";
import { pickLocale } from "./locale";

describe("pickLocale", () => {
  it("prefers the user's saved language over cookie and browser", () => {
    expect(pickLocale({ userLocale: "de", cookie: "en", acceptLanguage: "en" })).toBe("de");
  });
  it("uses the switcher's cookie when the user has no preference", () => {
    expect(pickLocale({ userLocale: null, cookie: "de", acceptLanguage: "en-US" })).toBe("de");
  });
  it("negotiates the browser's languages by quality", () => {
    expect(pickLocale({ acceptLanguage: "fr-FR, de-AT;q=0.8, en;q=0.5" })).toBe("de");
    expect(pickLocale({ acceptLanguage: "de;q=0.3, en-GB;q=0.9" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "de;q=0" })).toBe("en");
  });
  it("falls back to English for unknown or missing values", () => {
    expect(pickLocale({ userLocale: "fr", cookie: "xx", acceptLanguage: "ja" })).toBe("en");
    expect(pickLocale({})).toBe("en");
  });
});
