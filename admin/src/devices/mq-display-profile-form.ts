import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DISPLAY_LANGUAGES, DISPLAY_THEMES, type DisplayLanguage, type DisplayProfileInput, type DisplayProfileView, type DisplayTheme } from '../../../common/display';
import { DeviceProfileForm } from './device-profile-form';

/** Language names as admins read them. */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Español (Spanish)', ar: 'العربية (Arabic)' };

/**
 * Creates a display profile, or edits `profile`: name, address name (slug), departments shown, language, voice
 * and theme. Field refusals show under their field. Fires `device-saved` once saved, `device-form-cancel` on Cancel.
 */
@customElement('mq-display-profile-form')
export class MqDisplayProfileForm extends DeviceProfileForm<Required<Omit<DisplayProfileInput, 'slug'>> & { slug: string }> {
  /** The profile to edit; null to create one. */
  @property({ attribute: false }) profile: DisplayProfileView | null = null;

  constructor() {
    super();
    this.input = { name: '', slug: '', departmentIds: [], language: 'en', voice: true, theme: 'dark' };
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile') && this.profile) {
      const p = this.profile;
      this.input = { name: p.name, slug: p.slug, departmentIds: p.departments.map((d) => d.id), language: p.language, voice: p.voice, theme: p.theme };
    }
  }

  render() {
    const v = this.input;
    const fieldError = (path: string) => this.fieldError(path);
    const set = (change: Partial<typeof v>) => this.set(change);
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
      ${this.renderEnd(
        { legend: 'Departments shown', hint: 'Tick none to show every department (at most 12).' },
        this.profile ? 'Save display' : 'Create display',
      )}
    </form>`;
  }

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const { slug, ...rest } = this.input;
    const body: DisplayProfileInput = { ...rest, name: rest.name.trim(), ...(slug.trim() ? { slug: slug.trim() } : {}) };
    await this.save('/api/displays', this.profile?.id ?? null, body);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-display-profile-form': MqDisplayProfileForm;
  }
}
