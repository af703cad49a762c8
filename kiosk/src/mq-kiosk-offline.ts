import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The kiosk's notice, in the patient's language, while the live connection has been down for a few seconds:
 * what is happening and what to do. Nothing at all while the connection is fine.
 */
@customElement('mq-kiosk-offline')
export class MqKioskOffline extends LitElement {
  static styles = css`
    .banner {
      display: flex;
      align-items: center;
      gap: 1rem;
      padding: 1rem 1.5rem;
      border-radius: var(--mq-radius-sm);
      background: var(--mq-color-warning-soft);
      color: var(--mq-color-warning);
      border: 2px solid color-mix(in srgb, var(--mq-color-warning) 35%, transparent);
      font: 500 clamp(1.05rem, 2.3vmin, 1.35rem) / 1.4 var(--mq-font);
    }
    strong {
      display: block;
      font-weight: 700;
    }
    svg {
      flex: none;
      width: 2em;
      height: 2em;
    }
  `;

  @property({ type: Boolean, reflect: true }) offline = false;
  @property() heading = '';
  @property() detail = '';

  render() {
    // role=status is always present, so screen readers announce the text when it appears.
    return html`<div role="status">
      ${this.offline
        ? html`<div class="banner">
            <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
              <path d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
            </svg>
            <span><strong>${this.heading}</strong>${this.detail}</span>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-kiosk-offline': MqKioskOffline;
  }
}
