import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CheckInCodeController } from './controllers/check-in-code-controller';

/**
 * The waiting room's phone check-in: a QR code of the clinic's current check-in page (rotating, server-signed,
 * good for five minutes) with a line saying what it is for. Shown in the display's footer.
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

  private readonly code = new CheckInCodeController(this);

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
