import { useSyncExternalStore } from 'react';
import { el } from '@/i18n/el';
import { en, type Messages } from '@/i18n/en';

export type Language = 'en' | 'el';
export const LANGUAGES: readonly Language[] = ['en', 'el'];

const catalogues: Record<Language, Messages> = { en, el };
const STORAGE_KEY = 'parkingspots.language';

/** The language a browser asks for first among the ones we have (navigator.languages order). */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'el' || primary === 'en') return primary;
  }
  return 'en';
}

/**
 * The Intl locale for a language: the browser's own regional variant when it has one ("en-GB"
 * dates for a British browser), else the language with the demo region for Greek.
 */
export function intlLocaleFor(language: Language, preferred: readonly string[]): string {
  const regional = preferred.find((tag) => tag.toLowerCase().split('-')[0] === language);
  if (regional) return regional;
  return language === 'el' ? 'el-GR' : 'en';
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language].filter(Boolean);
}

function savedLanguage(): Language | null {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return saved === 'en' || saved === 'el' ? saved : null;
  } catch {
    return null;
  }
}

let current: Language = savedLanguage() ?? languageFromBrowser(browserLanguages());
let catalogue: Messages = catalogues[current];

/**
 * The active message catalogue: `m.section.key` always reads the current language. Read it while
 * rendering (not into module-level constants) so a language switch shows everywhere.
 */
export const m: Messages = new Proxy({} as Messages, {
  get: (_target, key) => catalogue[key as keyof Messages],
  has: (_target, key) => key in catalogue,
  ownKeys: () => Reflect.ownKeys(catalogue),
  getOwnPropertyDescriptor: (_target, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(catalogue, key);
    return descriptor ? { ...descriptor, configurable: true } : undefined;
  },
});

/** The Intl locale of the active language ("en-GB", "el-GR"): a live binding. */
export let locale = intlLocaleFor(current, browserLanguages());

const listeners = new Set<() => void>();

// The regional tag ("en-GB"), not just "en": Chromium formats date and time inputs by it.
function applyDocumentLanguage() {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
applyDocumentLanguage();

export function currentLanguage(): Language {
  return current;
}

/** Switches the app's language, remembers it on this device and re-renders subscribers. */
export function setLanguage(language: Language): void {
  if (!catalogues[language]) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this visit
  }
  if (language === current) return;
  current = language;
  catalogue = catalogues[language];
  locale = intlLocaleFor(language, browserLanguages());
  applyDocumentLanguage();
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The active language; a component using it re-renders when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

/** Fills `{name}` placeholders in a message. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/**
 * A count with its noun in the right plural form of the active locale (Intl.PluralRules):
 * `plural(1, m.spot.reviewCount)` → "1 review", `plural(3, …)` → "3 reviews".
 */
export function plural(
  count: number,
  forms: { readonly one: string; readonly other: string },
  values: Record<string, string | number> = {},
): string {
  const category = new Intl.PluralRules(locale).select(count);
  const template = category === 'one' ? forms.one : forms.other;
  return fmt(template, { count: new Intl.NumberFormat(locale).format(count), ...values });
}
