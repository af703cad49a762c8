const prevent = (event: Event) => event.preventDefault();
/** Documents whose zoom is already locked: the kiosk's profile may ask again after the address did. */
const zoomLocked = new WeakSet<Document>();

/**
 * Kiosk hardening for a public touch screen: no context menu on long press, no dragging. With `lockZoom` (the
 * kiosk's address says `lock-zoom=1`, or its profile says so: the clinic's own hardware) also no zooming, see
 * {@link lockZoom}; otherwise people who need to zoom can (WCAG 1.4.4). CSS in index.html covers text selection and
 * double-tap zoom. These listeners live as long as the page does, so they are never removed.
 */
export function lockDownKiosk(target: Document = document, options: { lockZoom?: boolean } = {}): void {
  target.addEventListener('contextmenu', prevent);
  target.addEventListener('dragstart', prevent);
  if (options.lockZoom) lockZoom(target);
}

/** No zooming with pinch, ctrl+wheel, Safari's gesture events or ctrl+plus, and a viewport that forbids it. Once. */
export function lockZoom(target: Document = document): void {
  if (zoomLocked.has(target)) return;
  zoomLocked.add(target);
  target.querySelector('meta[name="viewport"]')?.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no');
  // Multi-finger touches are pinches (the viewport meta alone is ignored by some browsers).
  target.addEventListener('touchmove', (event) => {
    if ((event as TouchEvent).touches.length > 1) event.preventDefault();
  }, { passive: false });
  target.addEventListener('wheel', (event) => {
    if ((event as WheelEvent).ctrlKey) event.preventDefault();
  }, { passive: false });
  for (const type of ['gesturestart', 'gesturechange', 'gestureend']) target.addEventListener(type, prevent, { passive: false });
  target.addEventListener('keydown', (event) => {
    // A keyboard plugged into the kiosk for maintenance should not be able to zoom the screen either.
    if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key)) event.preventDefault();
  });
}
