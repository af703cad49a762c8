/**
 * Prints the 80 mm ticket page (`/t/<code>/print`) through a hidden iframe, so the kiosk never leaves its screen.
 * With Chromium's `--kiosk-printing` the print goes straight to the default printer without a dialog. Resolves once
 * the page has been handed to the printer; the frame is removed a minute later (printing reads it until then).
 */
export function printTicket(publicCode: string, language: string, host: HTMLElement = document.body): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = 'Ticket for printing';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    // Laid out (display:none frames print blank in some engines) but invisible and out of the way.
    frame.style.cssText = 'position:fixed;inset-inline-end:0;bottom:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none';
    frame.addEventListener('load', () => {
      try {
        fitPageToTicket(frame.contentDocument!);
        frame.contentWindow!.focus();
        frame.contentWindow!.print();
        resolve();
      } catch (error) {
        reject(error);
      } finally {
        setTimeout(() => frame.remove(), 60_000);
      }
    }, { once: true });
    frame.addEventListener('error', () => reject(new Error('print page failed to load')), { once: true });
    frame.src = `/t/${encodeURIComponent(publicCode)}/print?lang=${encodeURIComponent(language)}`;
    host.append(frame);
  });
}

/**
 * Makes the printed page exactly as long as the ticket. Chromium does not take `size: 80mm auto` (the page falls back
 * to a fixed length), and a thermal printer feeds the whole page length before cutting: measured here, nothing blank
 * comes out after the ticket.
 */
export function fitPageToTicket(doc: Document): void {
  const millimetres = Math.ceil((doc.documentElement.scrollHeight * 25.4) / 96) + 2;
  const style = doc.createElement('style');
  style.textContent = `@page { size: 80mm ${millimetres}mm; margin: 0; }`;
  doc.head.append(style);
}

/**
 * Tells the server the language a ticket was taken in, so the patient's phone ticket page speaks it even when
 * opened without the QR code's `?lang=`. Best effort: the QR code and the printed ticket carry the language anyway.
 */
export function recordTicketLanguage(publicCode: string, language: string): void {
  void fetch(`/api/tickets/${encodeURIComponent(publicCode)}/language`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ language }),
  }).catch(() => undefined);
}
