import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MyProfile, ReportOutcome, ReportRequest } from '../../common/me';
import { formatCalendarDate } from '../../common/clinic-format';
import { apiGet, apiPost } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from '../../book/src/book-styles';
import type { BookLocale } from '../../book/src/locale';
import { meStyles, sectionStyles } from './me-styles';
import { attempt } from './me-api';
import './mq-me-access';
import './mq-me-email';

/**
 * The patient's details as the clinic has them, allergies and insurance included, and a way to tell the clinic
 * about a change: what the patient sends is shown apart as "reported", for staff to confirm; the clinic's record
 * stays as the doctor or the desk wrote it. Below, who opened the record (mq-me-access).
 */
@customElement('mq-me-profile')
export class MqMeProfile extends LitElement {
  static styles = [baseStyles, bookStyles, meStyles, sectionStyles];

  @property({ attribute: false }) locale!: BookLocale;
  @state() private profile: MyProfile | null = null;
  @state() private editing: 'allergies' | 'insurance' | null = null;
  @state() private message = '';
  @state() private notice = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.run(async () => {
      this.profile = await apiGet<MyProfile>('/api/me/profile');
    });
  }

  render() {
    const t = this.locale.texts.me;
    const p = this.profile;
    if (!p) return html`${this.message ? html`<p class="error" role="alert">${this.message}</p>` : html`<p class="status" role="status">${this.locale.t.loading}</p>`}`;
    const insurance = [p.insurance.provider, p.insurance.number].filter(Boolean).join(' · ');
    return html`<section class="card" aria-labelledby="profile">
        <h2 id="profile">${t.profile}</h2>
        ${this.notice ? html`<p role="status" class="chosen">${this.notice}</p>` : nothing}
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
        <dl>
          <dt>${this.locale.t.fullName}</dt><dd dir="auto">${p.fullName}</dd>
          <dt>${this.locale.t.dateOfBirth}</dt><dd>${formatCalendarDate(p.dateOfBirth, this.locale.texts.locale)}</dd>
          <dt>${this.locale.t.phone}</dt><dd dir="ltr">${p.phone ?? t.none}</dd>
          <dt>${t.email}</dt><dd dir="ltr">${p.email ?? t.none}</dd>
          <dt>${t.allergies}</dt><dd dir="auto">${p.allergies || t.none}</dd>
          <dt>${t.insurance}</dt><dd dir="auto">${insurance || t.none}</dd>
        </dl>
        ${p.reported.allergies ? this.renderReported(t.allergies, p.reported.allergies.value, p.reported.allergies.status) : nothing}
        ${p.reported.insurance
          ? this.renderReported(t.insurance, [p.reported.insurance.provider, p.reported.insurance.number].filter(Boolean).join(' · '), p.reported.insurance.status)
          : nothing}
        ${this.editing ? this.renderForm(this.editing) : html`<div class="buttons">
            <button type="button" @click=${() => (this.editing = 'allergies')}>${t.report}: ${t.allergies}</button>
            <button type="button" @click=${() => (this.editing = 'insurance')}>${t.report}: ${t.insurance}</button>
          </div>`}
        <mq-me-email .locale=${this.locale} @me-profile=${(e: CustomEvent<MyProfile>) => ((this.profile = e.detail), (this.notice = t.emailSaved))}></mq-me-email>
      </section>
      <mq-me-access .locale=${this.locale}></mq-me-access>`;
  }

  /** The patient's latest report of a kind, and what the clinic made of it (waiting, confirmed, not accepted). */
  private renderReported(label: string, value: string, status: ReportOutcome['status']) {
    const t = this.locale.texts.me;
    const outcome = { pending: t.reported, confirmed: t.reportConfirmed, dismissed: t.reportDismissed }[status];
    return html`<p class="reported ${status}"><strong>${label}:</strong> <span dir="auto">${value}</span><br />${outcome}</p>`;
  }

  private renderForm(kind: 'allergies' | 'insurance') {
    const t = this.locale.texts.me;
    return html`<form @submit=${this.send}>
      ${kind === 'allergies'
        ? html`<div class="field"><label for="allergies">${t.allergies}</label><textarea id="allergies" name="allergies" required maxlength="2000"></textarea></div>`
        : html`<div class="field"><label for="insuranceProvider">${t.insuranceProvider}</label><input id="insuranceProvider" name="insuranceProvider" required maxlength="100" /></div>
            <div class="field"><label for="insuranceNumber">${t.insuranceNumber}</label><input id="insuranceNumber" name="insuranceNumber" required maxlength="64" /></div>`}
      <div class="buttons">
        <button type="submit" class="primary">${t.report}</button>
        <button type="button" @click=${() => (this.editing = null)}>${t.keep}</button>
      </div>
    </form>`;
  }

  private send = async (event: Event): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const body: ReportRequest = this.editing === 'allergies'
      ? { allergies: value('allergies') }
      : { insuranceProvider: value('insuranceProvider'), insuranceNumber: value('insuranceNumber') };
    await this.run(async () => {
      this.profile = await apiPost<MyProfile>('/api/me/profile/reports', body);
      this.editing = null;
      this.notice = this.locale.texts.me.reportSaved;
    });
  };

  private async run(work: () => Promise<void>): Promise<void> {
    this.message = '';
    this.message = await attempt(this, this.locale, work);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-me-profile': MqMeProfile;
  }
}
