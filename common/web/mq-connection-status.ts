import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConnectionStatus } from './realtime-client';

/**
 * Shows the state of the live connection in plain words.
 *
 * - `variant="badge"`: a small pill ("Live", "Reconnecting…") for headers and the TV display's corner;
 *   with `quiet` it shows nothing at all while the connection is fine.
 * - `variant="banner"`: a full-width notice for the kiosk, shown only while `offline`, telling a patient
 *   what is happening and what to do.
 *
 * The host reflects `status`, so tests and styles can use `[status="open"]`.
 */
@customElement('mq-connection-status')
export class MqConnectionStatus extends LitElement {
  static styles = css`
    :host {
      display: contents;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      padding: 0.35em 0.85em;
      border-radius: 999px;
      font: 600 var(--mq-status-font-size, 0.9rem) / 1.2 var(--mq-font);
      background: var(--mq-color-success-soft);
      color: var(--mq-color-success);
      white-space: nowrap;
    }
    .badge.down {
      background: var(--mq-color-warning-soft);
      color: var(--mq-color-warning);
    }
    .dot {
      width: 0.6em;
      height: 0.6em;
      border-radius: 50%;
      background: currentColor;
    }
    .down .dot {
      animation: pulse 1.6s ease-in-out infinite;
    }
    .banner {
      display: flex;
      align-items: center;
      gap: 1rem;
      padding: 1rem 1.5rem;
      border-radius: var(--mq-radius-sm);
      background: var(--mq-color-warning-soft);
      color: var(--mq-color-warning);
      border: 2px solid color-mix(in srgb, var(--mq-color-warning) 35%, transparent);
      font: 500 var(--mq-banner-font-size, 1.25rem) / 1.4 var(--mq-font);
    }
    .banner strong {
      display: block;
      font-weight: 700;
    }
    .banner svg {
      flex: none;
      width: 2em;
      height: 2em;
    }
    @keyframes pulse {
      50% {
        opacity: 0.25;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .down .dot {
        animation: none;
      }
    }
  `;

  /** The client's connection status. */
  @property({ reflect: true }) status: ConnectionStatus = 'connecting';

  /** True once the connection has been down long enough to tell people about it. */
  @property({ type: Boolean, reflect: true }) offline = false;

  /** `badge` (small pill) or `banner` (plain-words notice, only while offline). */
  @property() variant: 'badge' | 'banner' = 'badge';

  /** Badge only: hide while everything is fine, so a TV shows the sign only when it matters. */
  @property({ type: Boolean }) quiet = false;

  render() {
    // role=status is always present, so screen readers announce the change when text appears in it.
    return html`<div role="status">${this.variant === 'banner' ? this.renderBanner() : this.renderBadge()}</div>`;
  }

  private renderBadge() {
    if (this.status === 'open') {
      return this.quiet ? nothing : html`<span class="badge"><span class="dot"></span>Live</span>`;
    }
    if (!this.offline) return nothing;
    return html`<span class="badge down"><span class="dot"></span>Reconnecting…</span>`;
  }

  private renderBanner() {
    if (!this.offline || this.status === 'open') return nothing;
    return html`<div class="banner">
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
        <path d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
      </svg>
      <span>
        <strong>We can't reach the clinic's system right now.</strong>
        We are trying again. If you need help, please ask at the reception desk.
      </span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-connection-status': MqConnectionStatus;
  }
}
