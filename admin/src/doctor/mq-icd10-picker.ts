import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Icd10Entry, Icd10SearchResponse } from '../../../common/records';
import { apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { recordStyles } from './record-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import '../shared/events';
import { DelayController } from '../shared/delay-controller';

/**
 * The record's ICD-10 code: the chosen code with "Clear", and a search by code or words (as the doctor types,
 * 250 ms after they pause). Fires `icd10-change` with the entry picked, or null when cleared.
 */
@customElement('mq-icd10-picker')
export class MqIcd10Picker extends LitElement {
  // The record's look without its card: these sit inside the record.
  static styles = [baseStyles, staffButtonStyles, recordStyles, css`
    :host {
      padding: 0;
      background: none;
      box-shadow: none;
    }
  `];
  static shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The code on the record. */
  @property({ attribute: false }) value: Icd10Entry | null = null;
  /** A signed record: shown, not edited. */
  @property({ type: Boolean }) readonly = false;

  @state() private query = '';
  @state() private results: Icd10Entry[] = [];
  /** Searches after a pause in typing. */
  private readonly typing = new DelayController(this, 250);

  render() {
    const chosen = this.value;
    return html`<label for="icd10">ICD-10 code</label>
      ${chosen
        ? html`<p><strong>${chosen.code}</strong> ${chosen.title}
            ${this.readonly ? nothing : html`<button type="button" @click=${() => this.pick(null)}>Clear</button>`}</p>`
        : nothing}
      ${this.readonly
        ? chosen ? nothing : html`<p>–</p>`
        : html`<input id="icd10" type="search" placeholder="Search by code or words" .value=${live(this.query)} @input=${this.onInput} />
            <div class="icd-results">
              ${this.results.map((r) => html`<button type="button" @click=${() => this.pick(r)}>${r.code} ${r.title}</button>`)}
            </div>`}`;
  }

  private pick(entry: Icd10Entry | null): void {
    this.results = [];
    this.query = '';
    this.dispatchEvent(new CustomEvent('icd10-change', { detail: entry, bubbles: true, composed: true }));
  }

  private readonly onInput = (e: InputEvent): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.typing.cancel();
    const q = this.query.trim();
    if (!q) {
      this.results = [];
      return;
    }
    this.typing.schedule(async () => {
      try {
        const { results } = await apiGet<Icd10SearchResponse>(`/api/icd10?q=${encodeURIComponent(q)}&limit=8`);
        if (q === this.query.trim()) this.results = results;
      } catch {
        this.results = [];
      }
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-icd10-picker': MqIcd10Picker;
  }
}
