import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AvailabilityRequest, WeekRequest, WeekResponse } from '../../../common/admin';
import { ApiError, apiFetch, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { timeInputValue } from '../shared/clinic-format';

/** ISO weekday numbers with their names, Monday first. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** One interval being edited; `key` keeps a row's inputs in place while others are added or removed. */
interface Row extends AvailabilityRequest {
  key: number;
}

let keys = 0;

/**
 * A doctor's weekly availability (admins): for each weekday any number of intervals (start, end, slot length),
 * saved all at once with PUT, which replaces the week. The server's refusals are shown beside the field they name.
 * Saving does not change slots; the screen says so and points at "Generate slots".
 */
@customElement('mq-week-editor')
export class MqWeekEditor extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        display: grid;
        grid-template-columns: 8rem minmax(0, 1fr);
        gap: 0.5rem 1rem;
        margin: 0;
        padding: 0.8rem 0;
        border: none;
        border-top: 1px solid var(--mq-color-border);
      }
      legend {
        float: left;
        padding: 0.55rem 0 0;
        font-weight: 700;
      }
      .intervals {
        display: grid;
        gap: 0.5rem;
      }
      .interval {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 0.9rem;
      }
      .interval .field {
        width: 8.5rem;
      }
      .off {
        margin: 0;
        padding-top: 0.6rem;
        color: var(--mq-color-text-muted);
      }
      .add {
        justify-self: start;
      }
      .row-error {
        flex-basis: 100%;
      }
    `,
  ];

  /** The doctor whose week this is. */
  @property({ type: Number }) doctorId = 0;
  /** The doctor's usual consultation length: the slot length new intervals start with. */
  @property({ type: Number }) defaultSlotMinutes = 15;

  @state() private rows: Row[] | null = null;
  @state() private dirty = false;
  @state() private saving = false;
  @state() private problem = '';
  @state() private notice = '';
  @state() private fieldErrors = new Map<string, string>();

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('doctorId') && this.doctorId) void this.load();
  }

  render() {
    if (!this.rows) {
      return this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : html`<p class="status" role="status">Loading the week…</p>`;
    }
    return html`
      ${WEEKDAYS.map((name, index) => this.renderDay(name, index + 1))}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.notice && !this.dirty ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.saving || !this.dirty} @click=${this.save}>
          ${this.saving ? 'Saving…' : 'Save week'}
        </button>
        <button type="button" ?disabled=${this.saving || !this.dirty} @click=${this.load}>Undo changes</button>
        ${this.dirty ? html`<span class="status" role="status">Unsaved changes</span>` : nothing}
      </div>
    `;
  }

  private renderDay(name: string, weekday: number) {
    const rows = this.rows!.filter((r) => r.weekday === weekday);
    return html`<fieldset>
      <legend>${name}</legend>
      <div class="intervals">
        ${rows.length ? nothing : html`<p class="off">Not working</p>`}
        ${rows.map((row, n) => this.renderRow(row, name, n + 1))}
        <button type="button" class="add" @click=${() => this.add(weekday)}>Add hours<span class="visually-hidden"> on ${name}</span></button>
      </div>
    </fieldset>`;
  }

  private renderRow(row: Row, day: string, n: number) {
    const error = (field: string) => this.fieldErrors.get(`${row.key}.${field}`);
    const input = (field: 'startTime' | 'endTime' | 'slotMinutes', label: string) => {
      const id = `r${row.key}-${field}`;
      const message = error(field);
      return html`<div class="field">
        <label for=${id}>${label}<span class="visually-hidden"> (${day} ${n})</span></label>
        <input
          id=${id}
          type=${field === 'slotMinutes' ? 'number' : 'time'}
          min=${field === 'slotMinutes' ? 5 : nothing}
          max=${field === 'slotMinutes' ? 240 : nothing}
          step=${field === 'slotMinutes' ? 5 : nothing}
          required
          .value=${String(row[field])}
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${message ? `${id}-error` : nothing}
          @input=${(e: Event) => this.change(row, field, (e.target as HTMLInputElement).value)}
        />
        ${message ? html`<span class="field-error" id="${id}-error">${message}</span>` : nothing}
      </div>`;
    };
    return html`<div class="interval">
      ${input('startTime', 'From')} ${input('endTime', 'To')} ${input('slotMinutes', 'Slot minutes')}
      <button type="button" class="danger" @click=${() => this.removeRow(row)}>Remove<span class="visually-hidden"> ${day} ${n}</span></button>
    </div>`;
  }

  private async load(): Promise<void> {
    const doctorId = this.doctorId;
    this.problem = '';
    this.fieldErrors = new Map();
    try {
      const week = await apiGet<WeekResponse>(`/api/doctors/${doctorId}/availability`);
      if (doctorId !== this.doctorId) return;
      this.rows = toRows(week);
      this.dirty = false;
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'The week could not be loaded.';
    }
  }

  private add(weekday: number): void {
    const same = this.rows!.filter((r) => r.weekday === weekday);
    const last = same.at(-1);
    // A second interval after a lunch break, or a morning to start with.
    const startTime = last ? addHour(last.endTime) : '09:00';
    const endTime = last ? addHour(startTime, 3) : '12:00';
    this.rows = [...this.rows!, { key: ++keys, weekday, startTime, endTime, slotMinutes: last?.slotMinutes ?? this.defaultSlotMinutes }];
    this.touched();
  }

  private removeRow(row: Row): void {
    this.rows = this.rows!.filter((r) => r !== row);
    this.touched();
  }

  private change(row: Row, field: 'startTime' | 'endTime' | 'slotMinutes', value: string): void {
    this.rows = this.rows!.map((r) => (r === row ? { ...r, [field]: field === 'slotMinutes' ? Number(value) : value } : r));
    const errors = new Map(this.fieldErrors);
    errors.delete(`${row.key}.${field}`);
    this.fieldErrors = errors;
    this.touched();
  }

  private touched(): void {
    this.dirty = true;
    this.notice = '';
  }

  private async save(): Promise<void> {
    const sent = sortRows(this.rows!);
    const body: WeekRequest = { intervals: sent.map(({ weekday, startTime, endTime, slotMinutes }) => ({ weekday, startTime, endTime, slotMinutes })) };
    this.saving = true;
    this.problem = '';
    try {
      const week = await apiFetch<WeekResponse>(`/api/doctors/${this.doctorId}/availability`, { method: 'PUT', body });
      this.rows = toRows(week);
      this.fieldErrors = new Map();
      this.dirty = false;
      this.notice = 'Week saved. The calendar changes when slots are generated (below).';
      this.dispatchEvent(new CustomEvent('week-saved', { detail: week, bubbles: true, composed: true }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const errors = new Map<string, string>();
      for (const field of error.fields) {
        const [, index, name] = /^intervals\.(\d+)\.(\w+)$/.exec(field.path) ?? [];
        if (index !== undefined) errors.set(`${sent[Number(index)].key}.${name}`, field.message);
      }
      this.fieldErrors = errors;
      this.problem = errors.size ? 'Some hours need fixing; see the fields marked below.' : error.message;
    } finally {
      this.saving = false;
    }
  }
}

function toRows(week: WeekResponse): Row[] {
  return sortRows(week.intervals.map(({ weekday, startTime, endTime, slotMinutes }) => ({ key: ++keys, weekday, startTime, endTime, slotMinutes })));
}

function sortRows(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));
}

/** 'HH:MM' plus `hours`, held below midnight. */
function addHour(time: string, hours = 1): string {
  const [h, m] = time.split(':').map(Number);
  return timeInputValue(Math.min(h + hours, 23), h + hours > 23 ? 59 : m);
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-week-editor': MqWeekEditor;
  }
}
