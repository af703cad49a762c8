import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { KIOSK_LANGUAGES, type KioskProfileInput, type KioskProfileLanguage, type KioskProfileView } from '../../../common/kiosk-profile';
import { DeviceProfileForm } from './device-profile-form';
import { LANGUAGE_NAMES } from './mq-display-profile-form';

/**
 * Creates a kiosk profile, or edits `profile`: name, departments offered to walk-ins, printing on or off, the
 * language the kiosk returns to, and whether patients may check in through it from their phones. Fires `device-saved` once saved, `device-form-cancel` on Cancel.
 */
@customElement('mq-kiosk-profile-form')
export class MqKioskProfileForm extends DeviceProfileForm<Required<KioskProfileInput>> {
  /** The profile to edit; null to create one. */
  @property({ attribute: false }) profile: KioskProfileView | null = null;

  constructor() {
    super();
    this.input = { name: '', departmentIds: [], printing: true, language: 'en', phoneCheckIn: true, lockZoom: false };
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile') && this.profile) {
      const p = this.profile;
      this.input = { name: p.name, departmentIds: p.departments.map((d) => d.id), printing: p.printing, language: p.language, phoneCheckIn: p.phoneCheckIn, lockZoom: p.lockZoom };
    }
  }

  render() {
    const v = this.input;
    const fieldError = (path: string) => this.fieldError(path);
    const set = (change: Partial<typeof v>) => this.set(change);
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
        <div class="field">
          <label class="check"
            ><input type="checkbox" .checked=${v.phoneCheckIn} aria-describedby="phone-hint" @change=${(e: Event) => set({ phoneCheckIn: (e.target as HTMLInputElement).checked })} />
            Phone check-in</label
          >
          <span class="hint" id="phone-hint">Patients scan the QR code of a display or poster set to this kiosk and check in on their phone, for this kiosk’s departments. Off: those codes stop working and the displays hide theirs.</span>
        </div>
        <div class="field">
          <label class="check"
            ><input type="checkbox" .checked=${v.lockZoom} aria-describedby="zoom-hint" @change=${(e: Event) => set({ lockZoom: (e.target as HTMLInputElement).checked })} />
            Lock zoom</label
          >
          <span class="hint" id="zoom-hint">For the clinic’s own kiosk hardware, where a stray pinch would stay zoomed. Off, patients who need larger text can zoom.</span>
        </div>
      </div>
      ${this.renderEnd(
        {
          legend: 'Departments offered to walk-ins',
          hint: 'Tick none to offer every department. Appointments are checked in whatever their department.',
        },
        this.profile ? 'Save kiosk' : 'Create kiosk',
      )}
    </form>`;
  }

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    await this.save('/api/kiosks', this.profile?.id ?? null, { ...this.input, name: this.input.name.trim() });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-kiosk-profile-form': MqKioskProfileForm;
  }
}
