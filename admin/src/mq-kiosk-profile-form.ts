import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DepartmentSummary } from '../../common/api';
import { KIOSK_LANGUAGES, type KioskProfileInput, type KioskProfileLanguage, type KioskProfileView } from '../../common/kiosk-profile';
import { ApiError, apiFetch } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { deviceFormStyles } from './device-form-styles';
import type { DepartmentsChangeEvent } from './events';
import { LANGUAGE_NAMES } from './mq-display-profile-form';
import { panelStyles } from './panel-styles';
import { staffButtonStyles } from './staff-buttons';
import './mq-department-checkboxes';

/**
 * Creates a kiosk profile, or edits `profile`: name, departments offered to walk-ins, printing on or off, and the
 * language the kiosk returns to. Fires `device-saved` once saved, `device-form-cancel` on Cancel.
 */
@customElement('mq-kiosk-profile-form')
export class MqKioskProfileForm extends LitElement {
  static styles = [baseStyles, staffButtonStyles, panelStyles, deviceFormStyles];

  @property({ attribute: false }) departments: DepartmentSummary[] = [];
  /** The profile to edit; null to create one. */
  @property({ attribute: false }) profile: KioskProfileView | null = null;

  @state() private input: Required<KioskProfileInput> = { name: '', departmentIds: [], printing: true, language: 'en' };
  @state() private error: ApiError | null = null;
  @state() private saving = false;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile') && this.profile) {
      const p = this.profile;
      this.input = { name: p.name, departmentIds: p.departments.map((d) => d.id), printing: p.printing, language: p.language };
    }
  }

  firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
  }

  render() {
    const v = this.input;
    const fieldError = (path: string) => this.error?.fieldMessage(path) ?? '';
    const set = (change: Partial<typeof v>) => (this.input = { ...this.input, ...change });
    return html`<form @submit=${this.submit} novalidate aria-labelledby="form-title">
      <h3 id="form-title">${this.profile ? `Edit kiosk “${this.profile.name}”` : 'New kiosk profile'}</h3>
      <div class="fields">
        <div class="field">
          <label for="name">Kiosk name</label>
          <input id="name" .value=${v.name} required aria-invalid=${String(!!fieldError('name'))} aria-describedby="name-error" @input=${(e: Event) => set({ name: (e.target as HTMLInputElement).value })} />
          <span class="field-error" id="name-error">${fieldError('name')}</span>
        </div>
        <div class="field">
          <label for="language">Language</label>
          <select id="language" @change=${(e: Event) => set({ language: (e.target as HTMLSelectElement).value as KioskProfileLanguage })}>
            ${KIOSK_LANGUAGES.map((l) => html`<option value=${l} ?selected=${v.language === l}>${LANGUAGE_NAMES[l] ?? l}</option>`)}
          </select>
        </div>
        <label class="check"><input type="checkbox" .checked=${v.printing} @change=${(e: Event) => set({ printing: (e.target as HTMLInputElement).checked })} /> Print tickets</label>
      </div>
      <mq-department-checkboxes
        legend="Departments offered to walk-ins"
        hint="Tick none to offer every department. Appointments are checked in whatever their department."
        .departments=${this.departments}
        .selected=${v.departmentIds}
        @departments-change=${(e: DepartmentsChangeEvent) => set({ departmentIds: [...e.detail] })}
      ></mq-department-checkboxes>
      <span class="field-error">${fieldError('departmentIds')}</span>
      ${this.error && !this.error.fields.length ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.saving}>${this.profile ? 'Save kiosk' : 'Create kiosk'}</button>
        <button type="button" @click=${() => this.fire('device-form-cancel')}>Cancel</button>
      </div>
    </form>`;
  }

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    this.saving = true;
    this.error = null;
    try {
      await apiFetch<KioskProfileView>(this.profile ? `/api/kiosks/${this.profile.id}` : '/api/kiosks', {
        method: this.profile ? 'PATCH' : 'POST',
        body: { ...this.input, name: this.input.name.trim() },
      });
      this.fire('device-saved');
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
    } finally {
      this.saving = false;
    }
  };

  private fire(name: 'device-saved' | 'device-form-cancel'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-kiosk-profile-form': MqKioskProfileForm;
  }
}
