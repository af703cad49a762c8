import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CheckInCodeController } from './controllers/check-in-code-controller';

/**
 * The waiting room's phone check-in: a QR code of the clinic's (or a kiosk profile's) current check-in page
 * (rotating, server-signed, good for five minutes) with a line saying what it is for. Shown in the display's footer.
 */
@customElement('mq-check-in-code')
export class MqCheckInCode extends LitElement {
  static styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 1.2vmin;
    }
    img {
      /* Scannable from the front seats, and no taller than the footer's two lines, so the board keeps its type size. */
      width: 9vmin;
      height: 9vmin;
      background: #fff;
      border-radius: 0.8vmin;
    }
    :host([compact]) img {
      width: 7vmin;
      height: 7vmin;
    }
    :host([compact]) span {
      display: none;
    }
    span {
      max-width: 26vmin;
      font-size: 2.3vmin;
      font-weight: 600;
    }
  `;

  /** The line beside the code, in the display's language. */
  @property() label = '';
  /** A narrow (portrait) screen: a smaller code and no line, so the board keeps its type size. */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** The kiosk profile whose check-in the code opens (the display profile says); null for the clinic's. */
  @property({ attribute: false }) kiosk: number | null = null;

  private readonly code = new CheckInCodeController(this, () => this.kiosk);

  protected updated(changed: Map<string, unknown>): void {
    // The first code is fetched on connecting; a profile changed later asks again at once.
    if (changed.has('kiosk') && changed.get('kiosk') !== undefined) void this.code.refresh();
  }

  render() {
    const current = this.code.current;
    if (!current) return nothing;
    return html`<img src=${current.qr} alt=${this.label} data-code=${current.code} /><span aria-hidden="true">${this.label}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-check-in-code': MqCheckInCode;
  }
}
