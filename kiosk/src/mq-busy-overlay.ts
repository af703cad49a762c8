import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../common/web/shared-styles';
import { kioskStyles } from './kiosk-styles';

/**
 * Covers a flow while a check-in is on its way: a spinner and "Getting your ticket…", or, while the server cannot be
 * reached, the plain-words notice that the kiosk is trying again (and that retrying never gives two tickets).
 * The cancel button fires `busy-cancel`.
 */
@customElement('mq-busy-overlay')
export class MqBusyOverlay extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: grid;
        place-items: center;
        padding: 2rem;
        background: rgb(238 243 245 / 0.92);
        backdrop-filter: blur(2px);
      }
      .box {
        display: grid;
        justify-items: center;
        gap: 1.25rem;
        max-width: 44rem;
        padding: clamp(2rem, 5vmin, 3.5rem);
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow-raised);
        text-align: center;
      }
      .spinner {
        width: 5rem;
        height: 5rem;
        border-radius: 50%;
        border: 0.6rem solid var(--mq-color-primary-soft);
        border-top-color: var(--mq-color-primary);
        animation: spin 1s linear infinite;
      }
      .retrying .spinner {
        border-top-color: var(--mq-color-warning);
      }
      p {
        margin: 0;
        font-size: clamp(1.4rem, 3.2vmin, 2rem);
        font-weight: 700;
      }
      .detail {
        font-size: clamp(1.1rem, 2.4vmin, 1.45rem);
        font-weight: 500;
        color: var(--mq-color-text-muted);
      }
      @keyframes spin {
        to {
          transform: rotate(1turn);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation-duration: 3s;
        }
      }
    `,
  ];

  /** What is happening, in words. */
  @property() message = '';
  /** A second line (shown while retrying). */
  @property() detail = '';
  @property({ type: Boolean, reflect: true }) retrying = false;
  /** The cancel button's words; no button when empty. */
  @property() cancelLabel = '';

  render() {
    return html`<div class="box ${this.retrying ? 'retrying' : ''}" role="alertdialog" aria-modal="true" aria-live="assertive" aria-label=${this.message}>
      <div class="spinner" aria-hidden="true"></div>
      <p>${this.message}</p>
      ${this.detail ? html`<p class="detail">${this.detail}</p>` : nothing}
      ${this.cancelLabel
        ? html`<button class="btn" @click=${() => this.dispatchEvent(new CustomEvent('busy-cancel', { bubbles: true, composed: true }))}>${this.cancelLabel}</button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-busy-overlay': MqBusyOverlay;
  }
  interface GlobalEventHandlersEventMap {
    /** The patient gave up waiting for a check-in to get through. */
    'busy-cancel': CustomEvent<void>;
  }
}
