import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../common/web/shared-styles';
import { fire } from './events';
import { backArrow, kioskStyles } from './kiosk-styles';

/**
 * The top of every step of a flow: a large "Back" button, the step's question as the page heading, and a hint
 * under it. Fires `screen-back`. The heading takes focus when a step opens, so screen readers announce the question.
 */
@customElement('mq-screen-header')
export class MqScreenHeader extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: flex;
        align-items: flex-start;
        gap: clamp(1rem, 3vmin, 2rem);
      }
      .text {
        flex: 1;
        padding-top: 0.35rem;
      }
      /* Focused only so screen readers announce the new step; nobody acts on a heading, so no ring. */
      h2:focus,
      h2:focus-visible {
        outline: none;
        box-shadow: none;
      }
      .back {
        flex: none;
        padding-inline: 1.1em 1.4em;
      }
    `,
  ];

  /** The step's question. */
  @property() heading = '';
  /** A line under it. */
  @property() hint = '';
  /** The back button's words. */
  @property() backLabel = 'Back';

  /** Moves focus to the heading (called when the step opens). */
  focusHeading(): void {
    this.renderRoot.querySelector('h2')?.focus();
  }

  render() {
    return html`
      <button class="btn back" @click=${() => fire(this, 'screen-back')}>${backArrow}<span>${this.backLabel}</span></button>
      <div class="text">
        <h2 tabindex="-1">${this.heading}</h2>
        ${this.hint ? html`<p class="lead">${this.hint}</p>` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-screen-header': MqScreenHeader;
  }
}
