import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AccessEntry, MyAccessResponse } from '../../common/me';
import { formatDateTime } from '../../common/clinic-format';
import { apiGet } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from '../../book/src/book-styles';
import type { BookLocale } from '../../book/src/locale';
import { meStyles, sectionStyles } from './me-styles';

/** Who opened or changed the patient's record, and when: the audit log's rows about them, newest first. */
@customElement('mq-me-access')
export class MqMeAccess extends LitElement {
  static styles = [baseStyles, bookStyles, meStyles, sectionStyles];

  @property({ attribute: false }) locale!: BookLocale;
  @state() private entries: AccessEntry[] | null = null;
  @state() private timeZone: string | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    void apiGet<MyAccessResponse>('/api/me/access').then(
      (answer) => {
        this.timeZone = answer.timeZone;
        this.entries = answer.entries;
      },
      () => (this.entries = []),
    );
  }

  render() {
    const t = this.locale.texts.me;
    return html`<section class="card" aria-labelledby="access">
      <h2 id="access">${t.access}</h2>
      <ul class="plain">
        ${(this.entries ?? []).map(
          (e) => html`<li>
            <strong>${formatDateTime(e.at, this.timeZone, this.locale.texts.locale)}</strong><br />
            <span dir="auto">${e.who === 'you' ? t.you : e.who === 'online' ? t.online : e.who}</span> · ${this.describe(e.action)}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  /** The audit action in the patient's words: a look, a sign-in, or a change. */
  private describe(action: string): string {
    const t = this.locale.texts.me;
    if (action === 'patient.sign_in_code_sent') return t.accessCode;
    if (action === 'patient.sign_in_failed') return t.accessFailed;
    if (/sign_in/.test(action)) return t.accessSignIn;
    if (/read|print|search|refused/.test(action)) return t.accessRead;
    return t.accessChange;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-me-access': MqMeAccess;
  }
}
