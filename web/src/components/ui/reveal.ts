import { useEffect, type RefObject } from 'react';

/**
 * Whether a box is fully visible between the top of the viewport and whatever is pinned at the
 * bottom (sticky actions, the tab bar): `bottomInset` pixels are treated as covered.
 */
export function isComfortablyVisible(
  rect: { top: number; bottom: number },
  viewportHeight: number,
  bottomInset: number,
): boolean {
  return rect.top >= 0 && rect.bottom <= viewportHeight - bottomInset;
}

/** Pixels covered at the bottom of the viewport by fixed or sticky bars (tab bar, sticky action). */
function coveredAtBottom(): number {
  if (typeof document === 'undefined') return 0;
  let covered = 0;
  for (const bar of document.querySelectorAll<HTMLElement>('.tab-bar, .sticky-action')) {
    const rect = bar.getBoundingClientRect();
    if (rect.height > 0 && rect.top < window.innerHeight) {
      covered = Math.max(covered, window.innerHeight - rect.top);
    }
  }
  return covered;
}

/** Scrolls an element to the middle of the screen when it is hidden or under a pinned bar. */
export function reveal(element: HTMLElement | null): void {
  if (!element || typeof element.scrollIntoView !== 'function') return;
  const rect = element.getBoundingClientRect();
  if (isComfortablyVisible(rect, window.innerHeight, coveredAtBottom())) return;
  element.scrollIntoView({ block: 'center', inline: 'nearest' });
}

/** Reveals the element each time `cause` changes to something truthy (a new error message). */
export function useReveal(ref: RefObject<HTMLElement | null>, cause: unknown): void {
  useEffect(() => {
    if (cause) reveal(ref.current);
  }, [ref, cause]);
}
