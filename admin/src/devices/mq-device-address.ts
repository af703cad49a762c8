import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/** How long "Copied" shows. */
const COPIED_MS = 2500;

/**
 * The full address a screen or kiosk opens (the server's public address plus the profile's path) in a read-only box with
 * a Copy button and a link to try it. Copies with the Clipboard API, or by selecting the text where the page is
 * not a secure context (plain http on the clinic's network has no Clipboard API).
 */
@customElement('mq-device-address')
export class MqDeviceAddress extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      input {
        flex: 1 1 18rem;
        font-family: ui-monospace, SFMono-Regular, Menlo, monospace !important;
        font-size: 0.9rem !important;
      }
      a {
        color: var(--mq-color-primary-strong);
        font-weight: 600;
      }
      .copied {
        color: var(--mq-color-success);
        font-weight: 600;
      }
    `,
  ];

  /** The path the server gave, e.g. `/display?profile=main-hall`. */
  @property() path = '';
  /**
   * The server's address as devices reach it (PUBLIC_BASE_URL from /api/clinic), not the page's own origin: an admin
   * on `localhost` would otherwise hand a TV an address it cannot open. Nothing is offered to copy until it is known.
   */
  @property() base = '';
  /** What the address is for, in the field's label: "Address of Main hall". */
  @property() label = 'Address';

  @state() private copied = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The address in full. */
  get url(): string {
    return new URL(this.path, this.base).href;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  render() {
    if (!this.base) return html`<p class="status">${this.label}: working it out…</p>`;
    return html`<div class="field">
      <label for="address">${this.label}</label>
      <div class="row">
        <input id="address" readonly .value=${this.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${this.copy}>Copy</button>
        <a href=${this.url} target="_blank" rel="noopener">Open</a>
        <span class="copied" role="status">${this.copied ? 'Copied' : ''}</span>
      </div>
    </div>`;
  }

  private readonly copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(this.url);
    } catch {
      const input = this.renderRoot.querySelector('input')!;
      input.select();
      document.execCommand('copy');
    }
    this.copied = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.copied = false), COPIED_MS);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-device-address': MqDeviceAddress;
  }
}
