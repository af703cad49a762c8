import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DepartmentRequest, DepartmentResponse, DepartmentView } from '../../../common/admin';
import { LANGUAGE_INFO, LANGUAGES } from '../../../common/i18n/languages';
import { apiFetch, apiGet, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { fieldErrorLine, fieldMessage, formLevelMessage, listStyles, messageOf } from '../shared/form-helpers';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/** The patient languages a department's name can be given in besides English (its name itself). */
const OTHER_LANGUAGES = LANGUAGES.filter((l) => l !== 'en');

/**
 * Departments (admins): name, ticket prefix (the letters before every token, `C-014`) and the name patients read in
 * each other language; create, edit, and take a department out of service (after confirming) or back. The server's
 * refusals (a prefix or name already taken) show next to the form in its words.
 */
@customElement('mq-departments')
export class MqDepartments extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    listStyles,
    css`
      :host {
        display: block;
      }
      .prefix {
        font-weight: 700;
        font-size: 1.1rem;
        color: var(--mq-color-primary-strong);
      }
      fieldset.labels {
        margin: 1rem 0 0;
        padding: 0;
        border: none;
      }
      fieldset.labels legend {
        padding: 0;
        font-weight: 600;
      }
      fieldset.labels .hint {
        margin: 0.25rem 0 0.75rem;
      }
      .labels-line {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
        font-weight: 400;
      }
      tr.inactive th,
      tr.inactive td:not(:last-child) {
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  @state() private departments: DepartmentView[] | null = null;
  @state() private loadError = '';
  /** The open form: a department, 'new', or closed. */
  @state() private editing: DepartmentView | 'new' | null = null;
  @state() private name = '';
  @state() private prefixText = '';
  /** The name in each other language, as typed (empty: patients read `name`). */
  @state() private labels: Partial<Record<string, string>> = {};
  @state() private saving = false;
  @state() private error: unknown = null;
  @state() private notice = '';
  @state() private rowError: { id: number; message: string } | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    return html`
      ${this.editing ? this.renderForm() : nothing}
      <section class="card" aria-labelledby="list-title">
        <header>
          <h2 id="list-title">Departments</h2>
          <button type="button" class="primary" @click=${() => this.open('new')}>New department</button>
        </header>
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing} ${this.renderList()}
      </section>
    `;
  }

  private renderForm() {
    const editing = this.editing === 'new' ? null : this.editing;
    const problem = formLevelMessage(this.error);
    const nameError = fieldMessage(this.error, 'name');
    const prefixError = fieldMessage(this.error, 'prefix');
    return html`<section class="card" aria-labelledby="form-title">
      <h2 id="form-title">${editing ? `Edit ${editing.name}` : 'New department'}</h2>
      <form @submit=${this.submit} novalidate>
        <div class="fields">
          <div class="field">
            <label for="name">Department name</label>
            <input id="name" .value=${this.name} aria-invalid=${nameError ? 'true' : 'false'} aria-describedby="name-error"
              @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
            ${fieldErrorLine('name-error', nameError)}
          </div>
          <div class="field">
            <label for="prefix">Ticket prefix</label>
            <input id="prefix" autocapitalize="characters" .value=${this.prefixText}
              aria-invalid=${prefixError ? 'true' : 'false'} aria-describedby="prefix-hint prefix-error"
              @input=${(e: Event) => (this.prefixText = (e.target as HTMLInputElement).value.toUpperCase())} />
            <span class="hint" id="prefix-hint">1 to 3 letters; tokens read ${this.prefixText || 'C'}-001, ${this.prefixText || 'C'}-002…</span>
            ${fieldErrorLine('prefix-error', prefixError)}
          </div>
        </div>
        <fieldset class="labels">
          <legend>Name for patients in other languages</legend>
          <p class="hint" id="labels-hint">On the kiosk, the display, tickets, phone pages and online booking. Empty: patients read the name above.</p>
          <div class="fields">
            ${OTHER_LANGUAGES.map((language) => {
              const info = LANGUAGE_INFO[language];
              const error = fieldMessage(this.error, `labels.${language}`);
              return html`<div class="field">
                <label for="label-${language}">${info.english} (<span lang=${language}>${info.name}</span>)</label>
                <input id="label-${language}" lang=${language} dir=${info.dir} .value=${this.labels[language] ?? ''}
                  aria-invalid=${error ? 'true' : 'false'} aria-describedby="labels-hint label-${language}-error"
                  @input=${(e: Event) => (this.labels = { ...this.labels, [language]: (e.target as HTMLInputElement).value })} />
                ${fieldErrorLine(`label-${language}-error`, error)}
              </div>`;
            })}
          </div>
        </fieldset>
        ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.saving}>
            ${this.saving ? 'Saving…' : editing ? 'Save department' : 'Create department'}
          </button>
          <button type="button" @click=${() => (this.editing = null)}>Cancel</button>
        </div>
      </form>
    </section>`;
  }

  private renderList() {
    if (this.loadError) {
      return html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>Try again</button></p>`;
    }
    if (!this.departments) return html`<p class="status" role="status">Loading departments…</p>`;
    if (!this.departments.length) return html`<p class="empty">No departments yet. Create the first with "New department".</p>`;
    return html`<table class="data">
      <thead>
        <tr><th scope="col">Department</th><th scope="col">Prefix</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>
        ${this.departments.map(
          (d) => html`<tr class=${d.active ? '' : 'inactive'} aria-selected=${this.editing !== 'new' && this.editing?.id === d.id ? 'true' : 'false'}>
            <th scope="row">
              ${d.name}
              ${OTHER_LANGUAGES.some((l) => d.labels[l])
                ? html`<span class="labels-line">${OTHER_LANGUAGES.filter((l) => d.labels[l]).map((l) => html`<span lang=${l} dir=${LANGUAGE_INFO[l].dir}>${d.labels[l]}</span>`)}</span>`
                : nothing}
            </th>
            <td><span class="prefix">${d.prefix}</span></td>
            <td>${d.active ? 'In service' : 'Out of service'}</td>
            <td>
              <div class="row-actions">
                <button type="button" aria-label=${`Edit ${d.name}`} @click=${() => this.open(d)}>Edit</button>
                ${d.active
                  ? html`<button type="button" class="danger" aria-label=${`Take out of service: ${d.name}`} @click=${() => this.setActive(d, false)}>
                      Take out of service
                    </button>`
                  : html`<button type="button" aria-label=${`Put back in service: ${d.name}`} @click=${() => this.setActive(d, true)}>
                      Put back in service
                    </button>`}
              </div>
              ${this.rowError?.id === d.id ? html`<p class="field-error" role="alert">${this.rowError.message}</p>` : nothing}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      this.departments = (await apiGet<{ departments: DepartmentView[] }>('/api/departments')).departments;
    } catch (error) {
      this.loadError = messageOf(error);
    }
  }

  private open(editing: DepartmentView | 'new'): void {
    this.editing = editing;
    this.name = editing === 'new' ? '' : editing.name;
    this.prefixText = editing === 'new' ? '' : editing.prefix;
    this.labels = editing === 'new' ? {} : { ...editing.labels };
    this.error = null;
    this.notice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus());
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const editing = this.editing === 'new' ? null : this.editing;
    this.saving = true;
    this.error = null;
    try {
      let saved: DepartmentView;
      const labels = Object.fromEntries(OTHER_LANGUAGES.map((l) => [l, (this.labels[l] ?? '').trim()]));
      if (editing) {
        const changes: Partial<DepartmentRequest> = {};
        if (this.name !== editing.name) changes.name = this.name;
        if (this.prefixText !== editing.prefix) changes.prefix = this.prefixText;
        if (OTHER_LANGUAGES.some((l) => labels[l] !== (editing.labels[l] ?? ''))) changes.labels = labels;
        saved = Object.keys(changes).length
          ? (await apiFetch<DepartmentResponse>(`/api/departments/${editing.id}`, { method: 'PATCH', body: changes })).department
          : editing;
      } else {
        const body: DepartmentRequest = { name: this.name, prefix: this.prefixText, labels };
        saved = (await apiPost<DepartmentResponse>('/api/departments', body)).department;
      }
      this.replace(saved);
      this.notice = editing ? `Saved ${saved.name}.` : `${saved.name} is ready; its tokens start with ${saved.prefix}.`;
      this.editing = null;
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }

  private async setActive(department: DepartmentView, active: boolean): Promise<void> {
    this.rowError = null;
    this.notice = '';
    if (!active) {
      const confirmed = await confirmAction({
        title: `Take ${department.name} out of service?`,
        message: 'The kiosk stops offering it and it cannot be booked. Its doctors, history and prefix are kept.',
        confirmLabel: 'Take out of service',
        danger: true,
      });
      if (!confirmed) return;
    }
    try {
      const saved = (await apiPost<DepartmentResponse>(`/api/departments/${department.id}/${active ? 'activate' : 'deactivate'}`)).department;
      this.replace(saved);
      this.notice = active ? `${saved.name} is back in service.` : `${saved.name} is out of service.`;
    } catch (error) {
      this.rowError = { id: department.id, message: messageOf(error) };
    }
  }

  private replace(department: DepartmentView): void {
    const others = (this.departments ?? []).filter((d) => d.id !== department.id);
    this.departments = [...others, department].sort((a, b) => a.name.localeCompare(b.name));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-departments': MqDepartments;
  }
}
