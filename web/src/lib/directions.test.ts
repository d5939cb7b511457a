import { describe, expect, it } from 'vitest';
import { directionsUrl } from '@/lib/directions';

describe('directionsUrl', () => {
  it('opens the platform maps app', () => {
    expect(directionsUrl(37.98, 23.72, 'Garage', 'Mozilla/5.0 (Linux; Android 14; Pixel 7)')).toBe(
      'geo:37.98,23.72?q=37.98,23.72(Garage)',
    );
    expect(
      directionsUrl(37.98, 23.72, 'Garage', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)'),
    ).toMatch(/^https:\/\/maps\.apple\.com\/\?daddr=37\.98,23\.72/);
    expect(directionsUrl(37.98, 23.72, 'Garage', 'Mozilla/5.0 (X11; Linux x86_64)')).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=37.98,23.72',
    );
  });
});
