import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/messages';
import { ApiError, formatWait, retryAfterSeconds, signInErrorMessage } from '@/lib/api-client';
import { isComfortablyVisible } from '@/components/ui/reveal';

describe('sign-in lock-out', () => {
  afterEach(() => setLanguage('en'));

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('120')).toBe(120);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
    const now = Date.parse('2030-01-01T10:00:00Z');
    expect(retryAfterSeconds('Tue, 01 Jan 2030 10:01:30 GMT', now)).toBe(90);
  });

  it('says when to try again', () => {
    const locked = new ApiError(429, 'Too many requests, try again later', [], 300);
    expect(signInErrorMessage(locked)).toBe('Too many sign-in attempts. Try again in 5 minutes.');
    expect(signInErrorMessage(new ApiError(429, 'Too many requests, try again later'))).toBe(
      'Too many sign-in attempts. Try again in a moment.',
    );
    expect(formatWait(30)).toBe('30 seconds');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(7200)).toBe('2 hours');
    setLanguage('el');
    expect(signInErrorMessage(locked)).toContain('5 λεπτά');
  });

  it('shows other sign-in errors as the server says them', () => {
    expect(signInErrorMessage(new ApiError(401, 'Incorrect email or password'))).toBe(
      'Incorrect email or password',
    );
  });
});

describe('errors in view', () => {
  it('counts a box under the sticky button or above the screen as hidden', () => {
    expect(isComfortablyVisible({ top: 100, bottom: 160 }, 844, 140)).toBe(true);
    expect(isComfortablyVisible({ top: 700, bottom: 760 }, 844, 140)).toBe(false);
    expect(isComfortablyVisible({ top: -20, bottom: 40 }, 844, 0)).toBe(false);
  });
});
