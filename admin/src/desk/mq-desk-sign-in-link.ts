import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LANGUAGES, LANGUAGE_INFO, type Language } from '../../../common/i18n/languages';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * "Print phone sign-in" for the patient at the desk: posts a plain form, so the server's printable page (80 mm, a QR
 * code that signs the patient in to /me once, within a day) opens in a new tab, ready to print. It is printed in
 * the language chosen here, or by default in the one the patient last checked in in (else English); the QR code
 * opens the dashboard in that language too.
 */
@customElement('mq-desk-sign-in-link')
export class MqDeskSignInLink extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: inline-block;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin: 0;
      }
      select {
        min-height: 2.6rem;
        padding: 0.3rem 0.5rem;
        border: 1.5px solid var(--mq-color-border);
        border-radius: var(--mq-radius-sm);
        font: inherit;
      }
    `,
  ];

  @property({ type: Number }) patientId = 0;
  /** '' lets the server choose: the patient's usual language, else English. */
  @state() private language: Language | '' = '';

  render() {
    const query = this.language ? `?lang=${this.language}` : '';
    return html`<form method="post" action="/desk/patients/${this.patientId}/sign-in-link${query}" target="_blank">
      <label class="visually-hidden" for="lang">Language of the printed sign-in</label>
      <select id="lang" @change=${(e: Event) => (this.language = (e.target as HTMLSelectElement).value as Language | '')}>
        <option value="" ?selected=${!this.language}>In their language (as at check-in)</option>
        ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${this.language === l} lang=${l}>${LANGUAGE_INFO[l].name}${l === 'en' ? '' : ` (${LANGUAGE_INFO[l].english})`}</option>`)}
      </select>
      <button type="submit">Print phone sign-in</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-desk-sign-in-link': MqDeskSignInLink;
  }
}
