import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MedicineInputSchema, type FormularySearchResponse, type MedicineView } from '../../../common/formulary';
import { apiFetch, apiGet, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { fieldErrorLine, fieldMessage, formLevelMessage, listStyles, messageOf } from '../shared/form-helpers';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { DelayController } from '../shared/delay-controller';

/** Longest name, strength and form, from the server's own schema. */
const MAX = {
  name: MedicineInputSchema.shape.name.maxLength ?? 150,
  strength: MedicineInputSchema.shape.strength.unwrap().unwrap().maxLength ?? 80,
  form: MedicineInputSchema.shape.form.unwrap().unwrap().maxLength ?? 60,
};

type Field = keyof typeof MAX;
const LABELS: Record<Field, string> = { name: 'Name', strength: 'Strength', form: 'Form' };

/**
 * The formulary (admins, issue 19): the medicines doctors pick from, seeded from the WHO Model List of Essential
 * Medicines. Search, add a medicine (name, strength, form), correct one, withdraw it from use or bring it back.
 * The list scrolls sideways on a narrow screen rather than hiding its buttons.
 */
@customElement('mq-formulary')
export class MqFormulary extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    listStyles,
    css`
      :host {
        display: block;
      }
      .table {
        overflow-x: auto;
      }
      tr.withdrawn th,
      tr.withdrawn td:not(:last-child) {
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  @state() private q = '';
  @state() private result: FormularySearchResponse | null = null;
  @state() private loadError = '';
  @state() private editing: MedicineView | 'new' | null = null;
  @state() private values: Record<Field, string> = { name: '', strength: '', form: '' };
  @state() private error: unknown = null;
  @state() private notice = '';
  /** Searches after a pause in typing. */
  private readonly typing = new DelayController(this, 250);

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    return html`${this.editing ? this.renderForm() : nothing}
      <section class="card" aria-labelledby="formulary-title">
        <header>
          <h2 id="formulary-title">Medicines</h2>
          <button type="button" class="primary" @click=${() => this.open('new')}>New medicine</button>
        </header>
        <div class="field">
          <label for="q">Find a medicine</label>
          <input id="q" type="search" .value=${this.q} @input=${this.onSearch} />
        </div>
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
        ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
        ${this.result ? this.renderList(this.result) : nothing}
      </section>`;
  }

  private renderList(result: FormularySearchResponse) {
    return html`<p class="muted">Showing ${result.medicines.length} of ${result.total}.</p>
      <div class="table">
        <table class="data">
          <thead><tr><th scope="col">Name</th><th scope="col">Strength</th><th scope="col">Form</th><th scope="col">In use</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            ${result.medicines.map(
              (m) => html`<tr class=${m.active ? '' : 'withdrawn'}>
                <th scope="row">${m.name}</th><td>${m.strength}</td><td>${m.form}</td><td>${m.active ? 'Yes' : 'Withdrawn'}</td>
                <td>
                  <button type="button" aria-label=${`Edit ${m.label}`} @click=${() => this.open(m)}>Edit</button>
                  <button type="button" aria-label=${`${m.active ? 'Withdraw' : 'Bring back'} ${m.label}`} @click=${() => this.setActive(m, !m.active)}>${m.active ? 'Withdraw' : 'Bring back'}</button>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderForm() {
    const editing = this.editing === 'new' ? null : this.editing;
    const problem = formLevelMessage(this.error);
    return html`<section class="card" aria-labelledby="medicine-form-title">
      <h2 id="medicine-form-title">${editing ? `Edit ${editing.label}` : 'New medicine'}</h2>
      <form @submit=${this.submit} novalidate>
        <div class="fields">
          ${(Object.keys(MAX) as Field[]).map((f) => {
            const error = fieldMessage(this.error, f);
            return html`<div class="field">
              <label for=${`m-${f}`}>${LABELS[f]}</label>
              <input id=${`m-${f}`} maxlength=${MAX[f]} .value=${this.values[f]} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`m-${f}-error`}
                @input=${(e: InputEvent) => (this.values = { ...this.values, [f]: (e.target as HTMLInputElement).value })} />
              ${fieldErrorLine(`m-${f}-error`, error)}
            </div>`;
          })}
        </div>
        ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary">Save</button>
          <button type="button" @click=${() => (this.editing = null)}>Cancel</button>
        </div>
      </form>
    </section>`;
  }

  private open(target: MedicineView | 'new'): void {
    this.editing = target;
    this.error = null;
    this.values = target === 'new' ? { name: '', strength: '', form: '' } : { name: target.name, strength: target.strength, form: target.form };
  }

  private readonly onSearch = (e: InputEvent): void => {
    this.q = (e.target as HTMLInputElement).value;
    this.typing.schedule(() => void this.load());
  };

  private async load(): Promise<void> {
    try {
      this.result = await apiGet<FormularySearchResponse>(`/api/formulary?all=true&limit=500&q=${encodeURIComponent(this.q)}`);
      this.loadError = '';
    } catch (error) {
      this.loadError = `The medicine list could not be loaded. ${messageOf(error)}`;
    }
  }

  private readonly submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const editing = this.editing;
    try {
      const saved = editing === 'new' || !editing
        ? await apiPost<MedicineView>('/api/formulary', this.values)
        : await apiFetch<MedicineView>(`/api/formulary/${editing.id}`, { method: 'PATCH', body: this.values });
      this.notice = `${saved.label} saved.`;
      this.editing = null;
      await this.load();
    } catch (error) {
      this.error = error;
    }
  };

  private async setActive(medicine: MedicineView, active: boolean): Promise<void> {
    try {
      const saved = await apiFetch<MedicineView>(`/api/formulary/${medicine.id}`, { method: 'PATCH', body: { active } });
      this.notice = active ? `${saved.label} is offered to doctors again.` : `${saved.label} is withdrawn: doctors no longer see it.`;
      await this.load();
    } catch (error) {
      this.notice = messageOf(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-formulary': MqFormulary;
  }
}
