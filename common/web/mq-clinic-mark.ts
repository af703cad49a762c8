import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/**
 * The MediQueue mark (a rounded cross) shown beside the clinic's name on every screen. Sized by the font size
 * of where it is placed, coloured by `--mq-color-primary`. Decorative: hidden from screen readers.
 */
@customElement('mq-clinic-mark')
export class MqClinicMark extends LitElement {
  static styles = css`
    :host {
      display: inline-block;
      width: 1em;
      height: 1em;
      flex: none;
      color: var(--mq-mark-color, var(--mq-color-primary));
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
  `;

  connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('aria-hidden', 'true');
  }

  render() {
    return html`<svg viewBox="0 0 32 32">
      <rect width="32" height="32" rx="9" fill="currentColor" />
      <path d="M13 7.5h6v5.5h5.5v6H19v5.5h-6V19H7.5v-6H13z" fill="var(--mq-mark-cross, #fff)" />
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-clinic-mark': MqClinicMark;
  }
}
