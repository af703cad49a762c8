import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * "Print phone sign-in" for the patient at the desk: posts a plain form, so the server's printable page (80 mm, a QR
 * code that signs the patient in to /me once, within a day) opens in a new tab, ready to print.
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
        margin: 0;
      }
    `,
  ];

  @property({ type: Number }) patientId = 0;

  render() {
    return html`<form method="post" action="/desk/patients/${this.patientId}/sign-in-link" target="_blank">
      <button type="submit">Print phone sign-in</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-desk-sign-in-link': MqDeskSignInLink;
  }
}
