import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../../common/web/shared-styles';

/** Stands in for a staff panel section whose screen is not built yet, saying so plainly. */
@customElement('mq-section-placeholder')
export class MqSectionPlaceholder extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: 3rem 2rem;
        border: 2px dashed var(--mq-color-border);
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        text-align: center;
      }
      p {
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  /** The section's name. */
  @property() heading = '';

  render() {
    return html`<h2>${this.heading}</h2>
      <p>This screen is not built yet. Its API is described in the README.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-section-placeholder': MqSectionPlaceholder;
  }
}
