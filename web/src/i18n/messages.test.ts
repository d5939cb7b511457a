import { afterEach, describe, expect, it } from 'vitest';
import { el } from '@/i18n/el';
import { en } from '@/i18n/en';
import {
  currentLanguage,
  fmt,
  intlLocaleFor,
  languageFromBrowser,
  locale,
  m,
  plural,
  setLanguage,
} from '@/i18n/messages';
import { localizeDetail, serverMessageKey } from '@/i18n/server-messages';

type Tree = { [key: string]: Tree | string | readonly string[] };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (Array.isArray(value)) value.forEach((v, i) => out.set(`${path}.${i}`, v as string));
    else leaves(value as Tree, path).forEach((v, k) => out.set(k, v));
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('message catalogues', () => {
  const english = leaves(en as unknown as Tree);
  const greek = leaves(el as unknown as Tree);

  it('Greek has every English key and no other', () => {
    expect([...greek.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('every Greek message is written and keeps the English placeholders', () => {
    for (const [key, text] of english) {
      const translated = greek.get(key) ?? '';
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it('Greek really is translated (most driver-facing texts differ from English)', () => {
    const sections = ['search', 'booking', 'spot', 'price', 'auth'];
    const keys = [...english.keys()].filter((k) => sections.includes(k.split('.')[0] ?? ''));
    const same = keys.filter((k) => english.get(k) === greek.get(k));
    expect(same.length / keys.length).toBeLessThan(0.05);
  });
});

describe('language choice', () => {
  afterEach(() => setLanguage('en'));

  it('follows the browser’s first language we have', () => {
    expect(languageFromBrowser(['el-GR', 'en-GB'])).toBe('el');
    expect(languageFromBrowser(['de-DE', 'en-GB', 'el'])).toBe('en');
    expect(languageFromBrowser(['fr-FR'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });

  it('formats with the browser’s regional variant of the language', () => {
    expect(intlLocaleFor('en', ['en-GB', 'el'])).toBe('en-GB');
    expect(intlLocaleFor('el', ['en-GB', 'el-CY'])).toBe('el-CY');
    expect(intlLocaleFor('el', ['en-US'])).toBe('el-GR');
    expect(intlLocaleFor('en', ['el-GR'])).toBe('en');
  });

  it('switches every m.x.y read, the Intl locale and <html lang>, and remembers it', () => {
    setLanguage('el');
    expect(currentLanguage()).toBe('el');
    expect(m.nav.search).toBe('Αναζήτηση');
    expect(locale.startsWith('el')).toBe(true);
    expect(document.documentElement.lang).toMatch(/^el/);
    expect(localStorage.getItem('parkingspots.language')).toBe('el');
    setLanguage('en');
    expect(m.nav.search).toBe('Search');
    expect(document.documentElement.lang).toMatch(/^en/);
  });
});

describe('plurals and placeholders', () => {
  afterEach(() => setLanguage('en'));

  it('picks the plural form by Intl.PluralRules: no "1 reviews"', () => {
    expect(plural(1, m.spot.reviewCount)).toBe('1 review');
    expect(plural(0, m.spot.reviewCount)).toBe('0 reviews');
    expect(plural(3, m.review.starCount)).toBe('3 stars');
    expect(plural(1, m.review.starCount)).toBe('1 star');
    setLanguage('el');
    expect(plural(1, m.search.resultCount)).toBe('1 θέση');
    expect(plural(2, m.search.resultCount)).toBe('2 θέσεις');
  });

  it('formats the count with the locale’s digits grouping', () => {
    expect(plural(1200, m.search.resultCount)).toMatch(/^1[,.\u00a0 ]?200 spots$/);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fmt('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('server messages', () => {
  afterEach(() => setLanguage('en'));

  it('keeps the English detail in English and translates known ones in Greek', () => {
    expect(localizeDetail('Time slot is already booked')).toBe('Time slot is already booked');
    setLanguage('el');
    expect(localizeDetail('Time slot is already booked')).toBe(el.server.slotBooked);
    expect(localizeDetail('Incorrect email or password')).toBe(el.server.badCredentials);
    expect(localizeDetail('Something new from the server')).toBe('Something new from the server');
  });

  it('knows the contract’s texts with or without a full stop', () => {
    expect(serverMessageKey('Parking spot is closed at the requested time.')).toBe('closed');
    expect(serverMessageKey('Nothing like it')).toBeNull();
  });
});
