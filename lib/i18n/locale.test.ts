import { describe, expect, it } from "vitest";
import { linkInLanguage, pickLocale } from "./locale";

describe("pickLocale", () => {
  it("prefers the user's saved language over cookie and browser", () => {
    expect(pickLocale({ userLocale: "de", cookie: "en", acceptLanguage: "en" })).toBe("de");
  });
  it("uses the switcher's cookie when the user has no preference", () => {
    expect(pickLocale({ userLocale: null, cookie: "de", acceptLanguage: "en-US" })).toBe("de");
  });
  it("opens an emailed link in the email's language, unless the reader chose one", () => {
    expect(pickLocale({ link: "de", acceptLanguage: "en-US" })).toBe("de");
    expect(pickLocale({ cookie: "en", link: "de", acceptLanguage: "de" })).toBe("en");
    expect(pickLocale({ link: "fr", acceptLanguage: "de" })).toBe("de");
    expect(linkInLanguage("https://p.example/accept/abc", "de")).toBe(
      "https://p.example/accept/abc?lang=de",
    );
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
