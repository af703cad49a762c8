import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { ROW_CHOICES } from '../../../common/formulary';
import { RECORD_FIELD_LABELS, maxLengthOf } from '../../../common/record-fields';
import { FormularyController } from './formulary-controller';
import '../shared/events';

/** The prescription row fields after the medicine, with their labels, in the printed order. */
export const ROW_FIELDS = [
  ['dose', 'Dose'],
  ['route', 'Route'],
  ['frequency', 'Frequency'],
  ['duration', 'Duration'],
  ['instructions', 'Instructions'],
] as const;

/** A field of a prescription row. */
export type RowField = 'medicine' | (typeof ROW_FIELDS)[number][0];

/** A prescription row as the form holds it: every field a string while typing, and the saved row's id once known. */
export type PrescriptionRow = { id?: number } & Record<RowField, string>;

/** A new, empty row. */
export const emptyRow = (): PrescriptionRow => ({ medicine: '', dose: '', route: '', frequency: '', duration: '', instructions: '' });

/**
 * The prescription's medicine rows (the original design's inline formset): medicine, dose, route, frequency,
 * duration and instructions, with "Add medicine", "Remove", and "Move up" / "Move down" (also Alt+ArrowUp and
 * Alt+ArrowDown in a row's fields) for the printed order. Every change fires `rows-change` with the whole new list;
 * a medicine that matches a recorded allergy (as the server reported it) is marked under its row.
 */
@customElement('mq-prescription-rows')
export class MqPrescriptionRows extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
      }
      /* Two lines a medicine, so every field is wide enough to read in full at 1280 px, signed or not. */
      .row {
        display: grid;
        grid-template-columns: repeat(8, minmax(0, 1fr));
        gap: 0.4rem 0.6rem;
        align-items: end;
        margin-bottom: 0.9rem;
        padding-bottom: 0.9rem;
        border-bottom: 1px solid var(--mq-color-border);
      }
      .f-medicine,
      .f-frequency {
        grid-column: span 4;
      }
      .f-dose,
      .f-route,
      .f-duration {
        grid-column: span 2;
      }
      .f-instructions {
        grid-column: 1 / -1;
      }
      .medicine-line {
        display: flex;
        gap: 0.3rem;
      }
      .bad {
        margin: 0.2rem 0 0;
        color: var(--mq-color-danger);
        font-size: 0.85rem;
      }
      .star[aria-pressed='true'] {
        color: var(--mq-color-warning);
      }
      label {
        display: block;
        margin-bottom: 0.3rem;
        font-weight: 600;
        font-size: 0.95rem;
      }
      input {
        width: 100%;
        min-height: 2.6rem;
        padding: 0.45rem 0.7rem;
        border: 1.5px solid var(--mq-color-border);
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface);
        color: inherit;
        font: inherit;
        text-overflow: ellipsis;
      }
      input:read-only {
        background: var(--mq-color-surface-alt);
      }
      .row-buttons {
        display: flex;
        grid-column: 1 / -1;
        justify-content: flex-end;
        gap: 0.3rem;
      }
      .row-buttons button {
        min-width: 2.6rem;
        padding: 0.45rem 0.6rem;
      }
      .allergy {
        grid-column: 1 / -1;
        margin: 0;
        color: var(--mq-color-danger);
        font-weight: 600;
      }
    `,
  ];

  /** The rows, in the printed order. */
  @property({ attribute: false }) rows: PrescriptionRow[] = [];

  /** Recorded allergies each saved medicine matches, by medicine. */
  @property({ attribute: false }) allergyMatches = new Map<string, string[]>();

  /** What is wrong with a field, by request path (`items.0.dose`). */
  @property({ attribute: false }) problems = new Map<string, string>();

  /** A signed record: rows are shown, not edited. */
  @property({ type: Boolean }) readonly = false;

  private readonly formulary = new FormularyController(this);

  /** Where the focus goes once a moved row is drawn in its new place. */
  private focusAfterMove: string | null = null;

  /** Moves the focus to one field of one row (sign-off points at the first problem). */
  focusField(index: number, field: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#row${index}-${field}`)?.focus();
  }

  protected updated(): void {
    if (!this.focusAfterMove) return;
    this.renderRoot.querySelector<HTMLElement>(`#${this.focusAfterMove}`)?.focus();
    this.focusAfterMove = null;
  }

  render() {
    const ro = this.readonly;
    return html`
      ${this.rows.map((row, index) => {
        const allergy = this.allergyMatches.get(row.medicine.trim());
        const last = index === this.rows.length - 1;
        return html`<div class="row" role="group" aria-label=${`Medicine ${index + 1}`} @keydown=${(e: KeyboardEvent) => this.onRowKey(e, index)}>
          ${(['medicine', ...ROW_FIELDS.map(([f]) => f)] as RowField[]).map((f) => {
            const id = `row${index}-${f}`;
            const error = this.problems.get(`items.${index}.${f}`);
            const input = html`<input
              id=${id}
              maxlength=${maxLengthOf(f)}
              title=${row[f]}
              list=${!ro && f in ROW_CHOICES ? `${f}-choices` : f === 'medicine' && !ro ? 'medicine-choices' : nothing}
              autocomplete="off"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${id}-error` : nothing}
              .value=${live(row[f])}
              ?readonly=${ro}
              @focus=${f === 'medicine' && !ro ? () => this.formulary.search(row.medicine, true) : nothing}
              @input=${(e: InputEvent) => this.editRow(index, f, (e.target as HTMLInputElement).value)}
            />`;
            return html`<div class=${`f-${f}`}>
              <label for=${id}>${RECORD_FIELD_LABELS[f]}</label>
              ${f === 'medicine' ? html`<div class="medicine-line">${input}${ro ? nothing : this.renderStar(row, index)}</div>` : input}
              ${error ? html`<p class="bad" id=${`${id}-error`}>Not saved: ${error}</p>` : nothing}
            </div>`;
          })}
          ${ro
            ? nothing
            : html`<div class="row-buttons">
                <button type="button" id=${`row${index}-up`} aria-label=${`Move medicine ${index + 1} up`} aria-keyshortcuts="Alt+ArrowUp" title="Move up (Alt+↑)" ?disabled=${index === 0} @click=${() => this.move(index, -1, 'up')}>↑</button>
                <button type="button" id=${`row${index}-down`} aria-label=${`Move medicine ${index + 1} down`} aria-keyshortcuts="Alt+ArrowDown" title="Move down (Alt+↓)" ?disabled=${last} @click=${() => this.move(index, 1, 'down')}>↓</button>
                <button type="button" aria-label=${`Remove medicine ${index + 1}`} @click=${() => this.change(this.rows.filter((_, i) => i !== index))}>Remove</button>
              </div>`}
          ${allergy?.length ? html`<p class="allergy">Allergy: ${allergy.join(', ')}</p>` : nothing}
        </div>`;
      })}
      ${ro
        ? this.rows.length ? nothing : html`<p>No medicines.</p>`
        : html`<button type="button" @click=${() => this.change([...this.rows, emptyRow()])}>Add medicine</button>
            <datalist id="medicine-choices">
              ${this.formulary.suggestions.map((m) => html`<option value=${m.label}>${m.favourite ? '★ favourite' : ''}</option>`)}
            </datalist>
            ${Object.entries(ROW_CHOICES).map(([field, choices]) => html`<datalist id=${`${field}-choices`}>${choices.map((c) => html`<option value=${c}></option>`)}</datalist>`)}
            ${this.formulary.problem ? html`<p class="bad" role="status">${this.formulary.problem}</p>` : nothing}`}
    `;
  }

  /** The star that makes a row's medicine one of the doctor's favourites (only for a medicine from the list). */
  private renderStar(row: PrescriptionRow, index: number) {
    const medicine = this.formulary.known.get(row.medicine.trim());
    return html`<button
      type="button"
      class="star"
      aria-pressed=${medicine?.favourite ? 'true' : 'false'}
      aria-label=${`Favourite: medicine ${index + 1}`}
      title=${medicine ? (medicine.favourite ? 'One of your favourites: press to remove' : 'Add to your favourites') : 'Pick a medicine from the list to keep it as a favourite'}
      ?disabled=${!medicine}
      @click=${() => medicine && void this.formulary.toggleFavourite(medicine)}
    >${medicine?.favourite ? '★' : '☆'}</button>`;
  }

  /** Moves row `index` one place up (-1) or down (+1); the focus follows the row. */
  private move(index: number, by: -1 | 1, focus: string): void {
    const to = index + by;
    if (this.readonly || to < 0 || to >= this.rows.length) return;
    const rows = [...this.rows];
    [rows[index], rows[to]] = [rows[to], rows[index]];
    // A button that would be disabled at the edge hands the focus to its twin.
    const edge = (focus === 'up' && to === 0) || (focus === 'down' && to === rows.length - 1);
    this.focusAfterMove = `row${to}-${edge ? (focus === 'up' ? 'down' : 'up') : focus}`;
    this.change(rows);
  }

  private onRowKey(event: KeyboardEvent, index: number): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const field = (event.composedPath()[0] as HTMLElement).id.replace(/^row\d+-/, '');
    this.move(index, event.key === 'ArrowUp' ? -1 : 1, field);
  }

  private editRow(index: number, field: RowField, value: string): void {
    if (field === 'medicine') this.formulary.search(value);
    this.change(this.rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  }

  private change(rows: PrescriptionRow[]): void {
    this.dispatchEvent(new CustomEvent('rows-change', { detail: rows, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-prescription-rows': MqPrescriptionRows;
  }
}
