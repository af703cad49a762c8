import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CallView } from './board';
import { localRoom, type DisplayTexts } from './i18n';
import { panelStyles } from './panel-styles';

/**
 * The large "Now calling" area: the newest called token and the room to go to. Each live call (and recall) flashes
 * it for a few seconds; the same call shown again from a snapshot after a reconnect does not.
 */
@customElement('mq-now-calling')
export class MqNowCalling extends LitElement {
  static styles = [
    panelStyles,
    css`
      h2 {
        background: var(--mq-color-accent);
        color: var(--mq-color-on-accent);
        font-size: 4vmin;
      }
      .call,
      .idle {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 1.5vmin;
        padding: 1.5vmin 2vmin;
        text-align: center;
      }
      .call .token {
        font-size: 20vmin;
        line-height: 1;
      }
      .where {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: center;
        gap: 1vmin 2.5vmin;
      }
      .go {
        font-size: 4.2vmin;
        /* Follows the flash's colours, so it stays readable on the highlight. */
        opacity: 0.75;
      }
      .room {
        padding: 0.2vmin 2.4vmin;
        border: 0.5vmin solid currentColor;
        border-radius: 1.4vmin;
        font-size: 9vmin;
        font-weight: 800;
        line-height: 1.05;
        overflow-wrap: anywhere;
      }
      .flash {
        animation: flash 1s linear 6;
      }
      /* On and off, never in between: a half-faded frame would be grey on brown, unreadable from afar. */
      @keyframes flash {
        0%,
        50% {
          background: var(--mq-color-accent);
          color: var(--mq-color-on-accent);
        }
        50.1%,
        100% {
          background: transparent;
          color: var(--mq-color-text);
        }
      }
      .idle svg {
        width: 13vmin;
        height: 13vmin;
        color: var(--mq-color-primary);
        opacity: 0.85;
      }
      .idle p {
        margin: 0;
        max-width: 30ch;
        font-size: 4.2vmin;
        line-height: 1.25;
        font-weight: 600;
      }
      .idle .hint {
        font-size: 3vmin;
        font-weight: 400;
        color: var(--mq-color-text-muted);
      }
      @media (prefers-reduced-motion: reduce) {
        .flash {
          animation: none;
          outline: 1vmin solid var(--mq-color-accent);
          outline-offset: -1vmin;
        }
      }
    `,
  ];

  /** The call to show, or null before the first one. */
  @property({ attribute: false }) call: CallView | null = null;
  /** Goes up with every live call; a new value restarts the flash. 0 shows the call without flashing. */
  @property({ type: Number }) flash = 0;
  @property({ attribute: false }) texts!: DisplayTexts;

  render() {
    const t = this.texts;
    const call = this.call;
    return html`<section aria-labelledby="title">
      <h2 id="title">${t.nowCalling}</h2>
      ${call
        ? // A new element per call: the only way to restart a CSS animation without timers.
          keyed(
            this.flash,
            html`<div class="call ${this.flash ? 'flash' : ''}" role="status">
              <span class="token">${call.token}</span>
              <span class="where">
                <span class="go">${t.pleaseGoTo}</span>
                <span class="room">${localRoom(t, call.room)}</span>
              </span>
            </div>`,
          )
        : html`<div class="idle">
            <svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
              <path d="M10 8h28v34l-4.7-3-4.6 3-4.7-3-4.7 3-4.6-3L10 42z" />
              <path d="M17 18h14M17 25h14M17 32h8" />
            </svg>
            <p>${t.idle}</p>
            <p class="hint">${t.idleHint}</p>
          </div>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-now-calling': MqNowCalling;
  }
}
