import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MyVisit, MyVisitsResponse } from '../../common/me';
import { VITALS } from '../../common/vitals';
import { apiGet } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from '../../book/src/book-styles';
import type { BookLocale } from '../../book/src/locale';
import { meStyles, sectionStyles } from './me-styles';
import { attempt } from './me-api';

/**
 * The patient's signed visits, newest first: reason, diagnosis in words, measurements and the prescription with its
 * printable page. The server sends nothing else (no drafts, no doctor's notes).
 */
@customElement('mq-me-visits')
export class MqMeVisits extends LitElement {
  static styles = [baseStyles, bookStyles, meStyles, sectionStyles];

  @property({ attribute: false }) locale!: BookLocale;
  @state() private visits: MyVisit[] | null = null;
  @state() private message = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    const t = this.locale.texts.me;
    if (this.message) return html`<p class="error" role="alert">${this.message}</p>`;
    if (!this.visits) return html`<p class="status" role="status">${this.locale.t.loading}</p>`;
    return html`<section class="card" aria-labelledby="visits">
      <h2 id="visits">${t.visits}</h2>
      ${this.visits.length ? html`<ul class="plain">${this.visits.map((v) => html`<li>${this.renderVisit(v)}</li>`)}</ul>` : html`<p>${t.noVisits}</p>`}
    </section>`;
  }

  private renderVisit(v: MyVisit) {
    const t = this.locale.texts.me;
    const diagnosis = [v.diagnosis, v.icd10 ? `${v.icd10.title} (${v.icd10.code})` : ''].filter(Boolean).join(' · ');
    return html`<h3>${this.locale.day(v.date, 'long')}</h3>
      <p><span dir="auto">${v.doctor}</span> · <span dir="auto">${v.department}</span></p>
      <dl>
        ${v.chiefComplaint ? html`<dt>${t.complaint}</dt><dd dir="auto">${v.chiefComplaint}</dd>` : nothing}
        ${diagnosis ? html`<dt>${t.diagnosis}</dt><dd dir="auto">${diagnosis}</dd>` : nothing}
      </dl>
      ${v.vitals.length
        ? html`<h4>${t.vitals}</h4>
            <dl>${v.vitals.map((m) => html`<dt>${t.vitalNames[m.field] ?? m.field}</dt><dd>${m.value} ${VITALS[m.field as keyof typeof VITALS]?.unit ?? ''}</dd>`)}</dl>`
        : nothing}
      ${v.prescription.length
        ? html`<h4>${t.prescription}</h4>
            <ul>
              ${v.prescription.map((p) => html`<li dir="auto">${[p.medicine, p.dose, p.frequency, p.duration].filter(Boolean).join(' · ')}${p.instructions ? html`<br />${p.instructions}` : nothing}</li>`)}
            </ul>
            <a class="button" href=${v.prescriptionUrl!} target="_blank" rel="noopener">${t.printPrescription}</a>`
        : nothing}`;
  }

  private async load(): Promise<void> {
    this.message = await attempt(this, this.locale, async () => {
      this.visits = (await apiGet<MyVisitsResponse>('/api/me/visits')).visits;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-me-visits': MqMeVisits;
  }
}
