import { currentLanguage, m, type Language } from '@/i18n/messages';
import type { Messages } from '@/i18n/en';

type ServerKey = keyof Messages['server'];

// The server's `detail` texts stay English (the API contract; clients match on them). These are
// the ones the client knows and shows in the active language instead. Exact texts first, then
// prefixes for the ones that carry a number.
const exact: Record<string, ServerKey> = {
  'Time slot is already booked': 'slotBooked',
  'Parking spot is closed at the requested time': 'closed',
  'Parking spot is blocked by its owner at the requested time': 'blocked',
  'Parking spot is not available': 'notAvailable',
  'Cannot book in the past': 'past',
  'Incorrect email or password': 'badCredentials',
  'Inactive user': 'inactiveUser',
  'Email already registered': 'emailTaken',
  'Incorrect current password': 'wrongPassword',
  'Too many requests, try again later': 'tooManyRequests',
  'Service temporarily unavailable, try again shortly': 'busy',
  'Not authenticated': 'notAuthenticated',
  'Not enough permissions': 'notAllowed',
  'Not authorized': 'notAllowed',
  'Parking spot not found': 'spotNotFound',
  'Booking not found': 'bookingNotFound',
  'Not authorized to view this booking': 'bookingNotFound',
  'Review not found': 'reviewNotFound',
  'Booking already has a review': 'alreadyReviewed',
  'You have already marked this review as helpful': 'alreadyHelpful',
  'Booking has not ended yet': 'notEnded',
  'Booking has not started yet': 'notStarted',
  'Booking has already ended': 'ended',
  'Booking must be confirmed before check-in': 'notConfirmed',
  'Not Found': 'notFound',
};

/** The catalogue key of a server `detail` the client knows, or null. */
export function serverMessageKey(detail: string): ServerKey | null {
  const text = detail.trim().replace(/\.$/, '');
  return exact[text] ?? null;
}

/**
 * A server `detail` in the active language: English keeps the server's own words; other
 * languages get the client's translation when the text is known, else the English text.
 */
export function localizeDetail(detail: string, language: Language = currentLanguage()): string {
  if (language === 'en') return detail;
  const key = serverMessageKey(detail);
  return key ? m.server[key] : detail;
}
