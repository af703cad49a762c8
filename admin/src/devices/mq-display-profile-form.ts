import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DISPLAY_LANGUAGES, DISPLAY_THEMES, type DisplayLanguage, type DisplayProfileInput, type DisplayProfileView, type DisplayTheme } from '../../../common/display';
import type { KioskProfileView } from '../../../common/kiosk-profile';
import { DeviceProfileForm } from './device-profile-form';

/** Language names as admins read them. */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Español (Spanish)', ar: 'العربية (Arabic)' };

/**
 * Creates a display profile, or edits `profile`: name, address name (slug), departments shown, language, voice,
 * theme, and which check-in its phone QR code opens (the clinic's, or a kiosk profile's). Field refusals show under their field. Fires `device-saved` once saved, `device-form-cancel` on Cancel.
 */
@customElement('mq-display-profile-form')
export class MqDisplayProfileForm extends DeviceProfileForm<Required<Omit<DisplayProfileInput, 'slug'>> & { slug: string }> {
  /** The profile to edit; null to create one. */
  @property({ attribute: false }) profile: DisplayProfileView | null = null;
  /** The kiosk profiles whose phone check-in the display's QR code may open. */
  @property({ attribute: false }) kiosks: KioskProfileView[] = [];

  constructor() {
    super();
    this.input = { name: '', slug: '', departmentIds: [], language: 'en', voice: true, theme: 'dark', checkInKioskId: null };
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile') && this.profile) {
      const p = this.profile;
      this.input = { name: p.name, slug: p.slug, departmentIds: p.departments.map((d) => d.id), language: p.language, voice: p.voice, theme: p.theme, checkInKioskId: p.checkInKioskId };
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
        <div class="field">
          <label for="check-in">Phone check-in QR code</label>
          <select id="check-in" aria-describedby="check-in-hint check-in-error" @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            set({ checkInKioskId: value ? Number(value) : null });
          }}>
            <option value="" ?selected=${v.checkInKioskId === null}>The clinic’s: every department</option>
            ${this.kiosks.map((k) => html`<option value=${k.id} ?selected=${v.checkInKioskId === k.id}>Kiosk “${k.name}”${k.phoneCheckIn ? '' : ' (phone check-in off: no code shown)'}</option>`)}
          </select>
          <span class="hint" id="check-in-hint">A kiosk’s code offers that kiosk’s departments, and only while its phone check-in is on.</span>
          <span class="field-error" id="check-in-error">${fieldError('checkInKioskId')}</span>
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
