import QRCode from 'qrcode';

/**
 * The patient's ticket page, as phones reach it (PUBLIC_BASE_URL, not whatever host the kiosk used), in `language`
 * when one is given (the kiosk's, so the phone opens the page in the language the patient checked in in).
 */
export function ticketUrl(publicBaseUrl: string, publicCode: string, language?: string | null): string {
  return `${publicBaseUrl}/t/${encodeURIComponent(publicCode)}${language ? `?lang=${encodeURIComponent(language)}` : ''}`;
}

/**
 * A QR code of `url` as an SVG document. Error correction M survives a scuffed thermal print; the quiet zone of two
 * modules is what phone cameras need to find the code on a busy background.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
