import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DepartmentSummary } from '../../common/api';
import { DISPLAY_LANGUAGES, DISPLAY_THEMES, type DisplayLanguage, type DisplayProfileInput, type DisplayProfileView, type DisplayTheme } from '../../common/display';
import { ApiError, apiFetch } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { deviceFormStyles } from './device-form-styles';
import type { DepartmentsChangeEvent } from './events';
import { panelStyles } from './panel-styles';
import { staffButtonStyles } from './staff-buttons';
import './mq-department-checkboxes';

/** Language names as admins read them. */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Español (Spanish)', ar: 'العربية (Arabic)' };

/**
 * Creates a display profile, or edits `profile`: name, address name (slug), departments shown, language, voice
 * and theme. Field refusals show under their field. Fires `device-saved` once saved, `device-form-cancel` on Cancel.
 */
@customElement('mq-display-profile-form')
export class MqDisplayProfileForm extends LitElement {
  static styles = [baseStyles, staffButtonStyles, panelStyles, deviceFormStyles];

  @property({ attribute: false }) departments: DepartmentSummary[] = [];
  /** The profile to edit; null to create one. */
  @property({ attribute: false }) profile: DisplayProfileView | null = null;

  @state() private input: Required<Omit<DisplayProfileInput, 'slug'>> & { slug: string } = {
    name: '',
    slug: '',
    departmentIds: [],
    language: 'en',
    voice: true,
    theme: 'dark',
  };
  @state() private error: ApiError | null = null;
  @state() private saving = false;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile') && this.profile) {
      const p = this.profile;
      this.input = { name: p.name, slug: p.slug, departmentIds: p.departments.map((d) => d.id), language: p.language, voice: p.voice, theme: p.theme };
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
      <h3 id="form-title">${this.profile ? `Edit display “${this.profile.name}”` : 'New display profile'}</h3>
      <div class="fields">
        <div class="field">
          <label for="name">Display name</label>
          <input id="name" .value=${v.name} required aria-invalid=${String(!!fieldError('name'))} aria-describedby="name-error" @input=${(e: Event) => set({ name: (e.target as HTMLInputElement).value })} />
          <span class="field-error" id="name-error">${fieldError('name')}</span>
        </div>
        <div class="field">
          <label for="slug">Name in the address</label>
          <input id="slug" .value=${v.slug} placeholder="made from the name" aria-invalid=${String(!!fieldError('slug'))} aria-describedby="slug-error slug-hint" @input=${(e: Event) => set({ slug: (e.target as HTMLInputElement).value })} />
          <span class="hint" id="slug-hint">Letters, digits and dashes, e.g. main-hall.</span>
          <span class="field-error" id="slug-error">${fieldError('slug')}</span>
        </div>
        <div class="field">
          <label for="language">Language</label>
          <select id="language" @change=${(e: Event) => set({ language: (e.target as HTMLSelectElement).value as DisplayLanguage })}>
            ${DISPLAY_LANGUAGES.map((l) => html`<option value=${l} ?selected=${v.language === l}>${LANGUAGE_NAMES[l] ?? l}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="theme">Theme</label>
          <select id="theme" @change=${(e: Event) => set({ theme: (e.target as HTMLSelectElement).value as DisplayTheme })}>
            ${DISPLAY_THEMES.map((t) => html`<option value=${t} ?selected=${v.theme === t}>${t === 'dark' ? 'Dark' : 'Light'}</option>`)}
          </select>
        </div>
        <label class="check"><input type="checkbox" .checked=${v.voice} @change=${(e: Event) => set({ voice: (e.target as HTMLInputElement).checked })} /> Announce calls aloud</label>
      </div>
      <mq-department-checkboxes
        legend="Departments shown"
        hint="Tick none to show every department (at most 12)."
        .departments=${this.departments}
        .selected=${v.departmentIds}
        @departments-change=${(e: DepartmentsChangeEvent) => set({ departmentIds: [...e.detail] })}
      ></mq-department-checkboxes>
      <span class="field-error">${fieldError('departmentIds')}</span>
      ${this.error && !this.error.fields.length ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.saving}>${this.profile ? 'Save display' : 'Create display'}</button>
        <button type="button" @click=${() => this.fire('device-form-cancel')}>Cancel</button>
      </div>
    </form>`;
  }

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const { slug, ...rest } = this.input;
    const body: DisplayProfileInput = { ...rest, name: rest.name.trim(), ...(slug.trim() ? { slug: slug.trim() } : {}) };
    this.saving = true;
    this.error = null;
    try {
      await apiFetch<DisplayProfileView>(this.profile ? `/api/displays/${this.profile.id}` : '/api/displays', {
        method: this.profile ? 'PATCH' : 'POST',
        body,
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
    'mq-display-profile-form': MqDisplayProfileForm;
  }
}
