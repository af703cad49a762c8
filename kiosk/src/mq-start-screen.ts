import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../common/web/shared-styles';
import { fire } from './events';
import { chevron, kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';
import './mq-language-choice';

/**
 * The calm screen every patient starts from: a welcome, the two big ways in ("I have an appointment", "Walk-in"),
 * the language buttons, and where to go in an emergency. Fires `start-choice` and `language-change`.
 */
@customElement('mq-start-screen')
export class MqStartScreen extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: clamp(1.5rem, 4vmin, 3rem);
        height: 100%;
      }
      .welcome h2 {
        font-size: clamp(2.4rem, 6.5vmin, 4.25rem);
        letter-spacing: -0.02em;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: clamp(1rem, 3vmin, 2rem);
      }
      .choice {
        display: flex;
        align-items: center;
        gap: clamp(1rem, 2.5vmin, 1.75rem);
        min-height: max(64px, 12rem);
        padding: 1.5rem clamp(1.25rem, 3vmin, 2.25rem);
        border: 3px solid var(--mq-color-primary);
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        color: var(--mq-color-primary-strong);
        box-shadow: var(--mq-shadow);
        text-align: start;
        cursor: pointer;
        transition: transform 120ms ease;
      }
      .choice.primary {
        background: var(--mq-color-primary);
        color: var(--mq-color-on-primary);
        box-shadow: var(--mq-shadow-raised);
      }
      .choice.primary .chevron {
        color: inherit;
      }
      .choice:active {
        transform: scale(0.985);
      }
      .icon {
        display: grid;
        place-items: center;
        flex: none;
        width: clamp(4.5rem, 11vmin, 6.5rem);
        aspect-ratio: 1;
        border-radius: 50%;
        background: var(--mq-color-primary-soft);
      }
      .primary .icon {
        background: rgb(255 255 255 / 0.16);
      }
      .icon svg {
        width: 55%;
        height: 55%;
      }
      .text {
        flex: 1;
      }
      .choice-title {
        display: block;
        font-size: clamp(1.6rem, 4.2vmin, 2.6rem);
        font-weight: 700;
        line-height: 1.15;
      }
      .choice-hint {
        display: block;
        margin-top: 0.3em;
        font-size: clamp(1.05rem, 2.4vmin, 1.45rem);
        opacity: 0.9;
      }
      .emergency {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        margin: 0;
        font-size: clamp(1.05rem, 2.3vmin, 1.4rem);
        font-weight: 600;
        color: var(--mq-color-danger);
      }
      .emergency svg {
        flex: none;
        width: 1.6em;
        height: 1.6em;
      }
      @media (orientation: portrait) {
        .choices {
          grid-template-columns: 1fr;
        }
        .choice {
          min-height: 16rem;
        }
        /* Tall screens: the two ways in share the height, so the whole screen is the choice. */
        :host {
          justify-content: space-between;
          padding-block: 2vh 1vh;
        }
        .choices {
          flex: 1;
          grid-auto-rows: minmax(16rem, 30vh);
          align-content: center;
        }
        .welcome h2 {
          font-size: 7vmin;
        }
        .welcome .lead,
        .choice-hint {
          font-size: 3.2vmin;
        }
        .choice-title {
          font-size: 5.2vmin;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .choice {
          transition: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;

  render() {
    const t = this.locale.t.start;
    return html`
      <div class="welcome">
        <h2>${t.welcome}</h2>
        <p class="lead">${t.hint}</p>
      </div>
      <div class="choices">
        <button class="choice primary" @click=${() => fire(this, 'start-choice', 'appointment')}>
          <span class="icon">
            <svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
              <rect x="6" y="10" width="36" height="32" rx="5" />
              <path d="M6 19h36M16 6v8M32 6v8M17 30l5 5 9-10" />
            </svg>
          </span>
          <span class="text">
            <span class="choice-title">${t.appointment}</span>
            <span class="choice-hint">${t.appointmentHint}</span>
          </span>
          ${chevron}
        </button>
        <button class="choice" @click=${() => fire(this, 'start-choice', 'walk-in')}>
          <span class="icon">
            <svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
              <circle cx="24" cy="14" r="7" />
              <path d="M10 42c0-8 6.3-14 14-14s14 6 14 14" />
            </svg>
          </span>
          <span class="text">
            <span class="choice-title">${t.walkIn}</span>
            <span class="choice-hint">${t.walkInHint}</span>
          </span>
          ${chevron}
        </button>
      </div>
      <mq-language-choice .language=${this.locale.language} label=${t.language}></mq-language-choice>
      <p class="emergency">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
          <path d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
        </svg>
        ${t.emergency}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-start-screen': MqStartScreen;
  }
}
