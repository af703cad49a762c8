import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ExceptionRequest, ExceptionResponse, ExceptionView, GenerationResult } from '../../../common/admin';
import { ApiError, apiFetch, apiGet, apiPost } from '../../../common/web/api';
import { formatDay } from '../shared/clinic-format';
import { baseStyles } from '../../../common/web/shared-styles';
import { confirmAction } from '../shared/mq-confirm-dialog';
import './mq-generation-result';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * A doctor's days off (admins): leave, public holidays, a training day, from today on. Adding or removing days off
 * regenerates those days' slots at once; when booked appointments fall on them, the server lists them and this
 * screen shows them, to be moved.
 */
@customElement('mq-exceptions-editor')
export class MqExceptionsEditor extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      form {
        margin-top: 1.25rem;
      }
      .fields {
        align-items: end;
      }
    `,
  ];

  @property({ type: Number }) doctorId = 0;
  /** Today in the clinic's zone: the list starts here, and so do new days off. */
  @property() today = '';
  @property() zone = 'UTC';

  @state() private exceptions: ExceptionView[] | null = null;
  @state() private problem = '';
  @state() private formProblem = '';
  @state() private fieldErrors: Record<string, string> = {};
  @state() private busy = false;
  @state() private result: GenerationResult | null = null;
  @state() private startDate = '';
  @state() private endDate = '';
  @state() private reason = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('doctorId') || changed.has('today')) && this.doctorId && this.today) {
      this.result = null;
      void this.load();
    }
  }

  render() {
    return html`${this.renderList()} ${this.renderForm()}
      <mq-generation-result .result=${this.result} zone=${this.zone}></mq-generation-result>`;
  }

  private renderList() {
    if (this.problem) return html`<p class="error" role="alert">${this.problem}</p>`;
    if (!this.exceptions) return html`<p class="status" role="status">Loading days off…</p>`;
    if (!this.exceptions.length) return html`<p class="empty">No days off from today on.</p>`;
    return html`<table class="data">
      <caption class="visually-hidden">Days off</caption>
      <thead>
        <tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Reason</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>
        ${this.exceptions.map(
          (e) => html`<tr>
            <td>${formatDay(e.startDate, 'long')}</td>
            <td>${e.endDate === e.startDate ? 'the same day' : formatDay(e.endDate, 'long')}</td>
            <td>${e.reason ?? '—'}</td>
            <td>
              <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.removeException(e)}>
                Remove<span class="visually-hidden"> days off from ${formatDay(e.startDate, 'long')}</span>
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderForm() {
    const field = (id: 'startDate' | 'endDate' | 'reason', label: string, type: string) => {
      const message = this.fieldErrors[id];
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          type=${type}
          min=${type === 'date' ? this.today : nothing}
          maxlength=${type === 'text' ? 200 : nothing}
          placeholder=${id === 'reason' ? 'Annual leave, public holiday…' : nothing}
          .value=${this[id]}
          aria-invalid=${message ? 'true' : 'false'}
          @input=${(e: Event) => this.edit(id, (e.target as HTMLInputElement).value)}
        />
        ${message ? html`<span class="field-error">${message}</span>` : nothing}
      </div>`;
    };
    return html`<form @submit=${this.add} aria-label="Add days off">
      <div class="fields">
        ${field('startDate', 'First day off', 'date')} ${field('endDate', 'Last day off', 'date')} ${field('reason', 'Reason', 'text')}
        <div><button class="primary" ?disabled=${this.busy}>Add days off</button></div>
      </div>
      ${this.formProblem ? html`<p class="error" role="alert">${this.formProblem}</p>` : nothing}
    </form>`;
  }

  private edit(id: 'startDate' | 'endDate' | 'reason', value: string): void {
    // A single day off is the common case: the last day follows the first until it is set on its own.
    if (id === 'startDate' && (!this.endDate || this.endDate === this.startDate || this.endDate < value)) this.endDate = value;
    this[id] = value;
    this.fieldErrors = { ...this.fieldErrors, [id]: '' };
  }

  private async load(): Promise<void> {
    const doctorId = this.doctorId;
    this.problem = '';
    try {
      const { exceptions } = await apiGet<{ exceptions: ExceptionView[] }>(`/api/doctors/${doctorId}/exceptions?from=${this.today}`);
      if (doctorId === this.doctorId) this.exceptions = exceptions;
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'The days off could not be loaded.';
    }
  }

  private async add(event: Event): Promise<void> {
    event.preventDefault();
    const body: ExceptionRequest = { startDate: this.startDate, endDate: this.endDate || this.startDate, reason: this.reason.trim() || null };
    if (!body.startDate) {
      this.fieldErrors = { startDate: 'Choose the first day off.' };
      return;
    }
    await this.run(async () => {
      const answer = await apiPost<ExceptionResponse>(`/api/doctors/${this.doctorId}/exceptions`, body);
      this.startDate = this.endDate = this.reason = '';
      return answer;
    }, true);
  }

  private async removeException(exception: ExceptionView): Promise<void> {
    const span = exception.startDate === exception.endDate ? formatDay(exception.startDate, 'long') : `${formatDay(exception.startDate)} to ${formatDay(exception.endDate, 'long')}`;
    const ok = await confirmAction({
      title: 'Remove these days off?',
      message: `The doctor will be bookable again on ${span}: free slots are made for those days at once.`,
      confirmLabel: 'Remove days off',
      danger: true,
    });
    if (!ok) return;
    await this.run(() => apiFetch<ExceptionResponse>(`/api/doctors/${this.doctorId}/exceptions/${exception.id}`, { method: 'DELETE' }), false);
  }

  /** Runs one change, then shows its regeneration and reloads the list. */
  private async run(change: () => Promise<ExceptionResponse>, fromForm: boolean): Promise<void> {
    this.busy = true;
    this.formProblem = '';
    this.problem = '';
    try {
      const answer = await change();
      this.result = answer.slots;
      this.fieldErrors = {};
      this.dispatchEvent(new CustomEvent('slots-changed', { bubbles: true, composed: true }));
      await this.load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (fromForm) {
        this.fieldErrors = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
        this.formProblem = error.fields.length ? '' : error.message;
      } else this.problem = error.message;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-exceptions-editor': MqExceptionsEditor;
  }
}
