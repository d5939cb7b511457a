import { en } from '@/i18n/en';

/** The active message catalogue. Swap this for another locale's object to translate the app. */
export const m = en;
export const locale = 'en';

/** Fills `{name}` placeholders in a message. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
