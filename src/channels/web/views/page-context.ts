// What every cabinet page needs to draw its frame: the language, whether someone is signed in, the form token,
// and where the page is (for the navigation and the language switch's way back).
import type { Locale } from "../../../i18n/locale.ts";

export type Section = "home" | "readings" | "money" | "pay" | "calculator" | "news" | "settings" | null;

export interface PageContext {
  locale: Locale;
  signedIn: boolean;
  /** The CSRF token every form of the page sends back as _csrf. */
  csrf: string;
  /** The path and query of this page, where a language switch returns to. */
  path: string;
}
