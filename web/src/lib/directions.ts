/**
 * A link that opens the platform's maps app with directions: a `geo:` URI on Android (the system
 * picks the maps app), Apple Maps on iOS, and a maps web page elsewhere.
 */
export function directionsUrl(
  latitude: number,
  longitude: number,
  label: string,
  userAgent: string = typeof navigator === 'undefined' ? '' : navigator.userAgent,
): string {
  const at = `${latitude},${longitude}`;
  if (/android/i.test(userAgent)) {
    return `geo:${at}?q=${at}(${encodeURIComponent(label)})`;
  }
  if (
    /iphone|ipad|ipod/i.test(userAgent) ||
    (/macintosh/i.test(userAgent) && /mobile/i.test(userAgent))
  ) {
    return `https://maps.apple.com/?daddr=${at}&q=${encodeURIComponent(label)}`;
  }
  return `https://www.google.com/maps/dir/?api=1&destination=${at}`;
}
