import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ClinicSettings, ClinicSettingsRequest } from '../../../common/admin';
import { ApiError, apiFetch, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import type { HoursChangeEvent } from '../shared/events';
import { fieldErrorLine, formLevelMessage, messageOf } from '../shared/form-helpers';
import './mq-opening-hours';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { formatDateTime } from '../shared/clinic-format';

/** Every IANA zone the browser knows (with a '/', as the server asks, plus UTC), and `current` if it is missing. */
function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone').filter((z) => z.includes('/'));
  return [...new Set([...known, 'UTC', current])].sort();
}

/** "United Kingdom (GB)" for 'GB', in English; the code alone when the browser has no name for it. */
function countryName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** "en, ar pt-BR" -> ['en', 'ar', 'pt-BR']. */
function languageList(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/**
 * Clinic settings (admins): the clinic's name, time zone, country (for phone numbers), opening hours (as text and per weekday), the languages
 * the kiosk and the TV display offer, public booking on or off, and how many days of slots are generated ahead.
 * A new name shows at once everywhere it is printed; a new time zone applies when the server restarts, which the
 * screen says next to the zone.
 */
@customElement('mq-clinic-settings')
export class MqClinicSettings extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 1.75rem 0 0.75rem;
        font-size: 1.1rem;
      }
      .note {
        padding: 0.6rem 0.9rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
        font-size: 0.95rem;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        font-weight: 600;
      }
      .check input {
        width: 1.3rem;
        height: 1.3rem;
      }
    `,
  ];

  /** What the server has (the last load or save). */
  @state() private stored: ClinicSettings | null = null;
  @state() private draft: ClinicSettingsRequest | null = null;
  @state() private kioskText = '';
  @state() private displayText = '';
  @state() private loadError = '';
  @state() private saving = false;
  @state() private error: unknown = null;
  @state() private saved = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    if (this.loadError) {
      return html`<section class="card"><p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>Try again</button></p></section>`;
    }
    const d = this.draft;
    const stored = this.stored;
    if (!d || !stored) return html`<section class="card"><p class="status" role="status">Loading the clinic's settings…</p></section>`;
    const problem = formLevelMessage(this.error);
    return html`<section class="card" aria-labelledby="title">
      <h2 id="title">Clinic settings</h2>
      <form @submit=${this.submit} novalidate>
        <div class="fields">
          <div class="field">
            <label for="name">Clinic name</label>
            <input id="name" .value=${d.name} aria-describedby="name-hint name-error" @input=${this.text('name')} />
            <span class="hint" id="name-hint">On every screen, ticket, prescription and confirmation, as soon as it is saved.</span>
            ${fieldErrorLine('name-error', this.message('name'))}
          </div>
          <div class="field">
            <label for="timeZone">Time zone</label>
            <select id="timeZone" aria-describedby="zone-hint zone-error" @change=${this.text('timeZone')}>
              ${timeZones(d.timeZone).map((z) => html`<option value=${z} ?selected=${z === d.timeZone}>${z.replaceAll('_', ' ')}</option>`)}
            </select>
            ${stored.restartRequired
              ? html`<span class="note" id="zone-hint" role="status">
                  The clinic runs on ${stored.activeTimeZone} until the server restarts; ${stored.timeZone} applies from then.
                </span>`
              : html`<span class="hint" id="zone-hint">A new time zone applies when the server restarts (clinic days and token numbers follow it).</span>`}
            ${fieldErrorLine('zone-error', this.message('timeZone'))}
          </div>
          <div class="field">
            <label for="country">Country for phone numbers</label>
            <input id="country" .value=${d.country ?? ''} maxlength="2" autocomplete="off" placeholder="from the time zone" style="text-transform: uppercase"
              aria-invalid=${this.message('country') ? 'true' : 'false'} aria-describedby="country-hint country-error"
              @input=${(e: Event) => this.change({ country: (e.target as HTMLInputElement).value.trim().toUpperCase() || null })} />
            <span class="hint" id="country-hint">
              Two letters, such as GB. Numbers without a country code are read as
              ${stored.phoneCountry ? `${countryName(stored.phoneCountry)} numbers` : 'nobody’s: only numbers with a country code are understood'}${stored.country ? ', from now on.' : ' (empty: from CLINIC_COUNTRY or the time zone).'}
            </span>
            ${fieldErrorLine('country-error', this.message('country'))}
          </div>
        </div>

        <h3>Opening hours</h3>
        <mq-opening-hours .value=${d.openingHours.weekly} .errors=${this.error instanceof ApiError ? this.error.fields : []}
          @hours-change=${(e: HoursChangeEvent) => this.change({ openingHours: { ...d.openingHours, weekly: e.detail } })}></mq-opening-hours>
        <div class="field wide" style="margin-top: 1rem">
          <label for="hoursText">Opening hours as text (optional)</label>
          <textarea id="hoursText" .value=${d.openingHours.text ?? ''} placeholder="Mon–Fri 8:00–18:00, closed on public holidays" aria-describedby="hoursText-error"
            @input=${(e: Event) => this.change({ openingHours: { ...d.openingHours, text: (e.target as HTMLTextAreaElement).value } })}></textarea>
          ${fieldErrorLine('hoursText-error', this.message('openingHours.text'))}
        </div>

        <h3>Languages and booking</h3>
        <div class="fields">
          ${this.languages('kioskLanguages', 'Kiosk languages', this.kioskText, (v) => (this.kioskText = v))}
          ${this.languages('displayLanguages', 'Display languages', this.displayText, (v) => (this.displayText = v))}
          <div class="field">
            <label for="horizon">Days of bookable slots ahead</label>
            <input id="horizon" type="number" min="1" max="366" step="1" .value=${String(d.slotHorizonDays)} aria-describedby="horizon-error"
              @input=${(e: Event) => this.change({ slotHorizonDays: (e.target as HTMLInputElement).valueAsNumber })} />
            ${fieldErrorLine('horizon-error', this.message('slotHorizonDays'))}
          </div>
          <div class="field">
            <span class="label">Public booking page</span>
            <label class="check" for="publicBooking">
              <input id="publicBooking" type="checkbox" .checked=${d.publicBooking}
                @change=${(e: Event) => this.change({ publicBooking: (e.target as HTMLInputElement).checked })} />
              Patients may book online
            </label>
          </div>
        </div>

        ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
        ${this.saved ? html`<p class="ok" role="status">${this.saved}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.saving}>${this.saving ? 'Saving…' : 'Save settings'}</button>
          <button type="button" ?disabled=${this.saving} @click=${() => this.reset(stored)}>Undo changes</button>
        </div>
        <p class="hint">
          ${stored.savedAt ? `Last saved ${formatDateTime(stored.savedAt)}.` : 'Not saved here yet: the clinic name and time zone are the ones the server started with (CLINIC_NAME and CLINIC_TIMEZONE), and no opening hours are entered.'}
        </p>
      </form>
    </section>`;
  }

  private languages(key: 'kioskLanguages' | 'displayLanguages', label: string, value: string, set: (v: string) => void) {
    const message = this.message(key);
    return html`<div class="field">
      <label for=${key}>${label}</label>
      <input id=${key} .value=${value} aria-invalid=${message ? 'true' : 'false'} aria-describedby=${`${key}-hint ${key}-error`}
        @input=${(e: Event) => (set((e.target as HTMLInputElement).value), (this.saved = ''))} />
      <span class="hint" id=${`${key}-hint`}>Codes such as en, ar, pt-BR; the first is the default.</span>
      ${fieldErrorLine(`${key}-error`, message)}
    </div>`;
  }

  /** The server's message for a field or anything under it (`kioskLanguages.1`). */
  private message(path: string): string | undefined {
    if (!(this.error instanceof ApiError)) return undefined;
    return this.error.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
  }

  private text(key: 'name' | 'timeZone') {
    return (e: Event) => this.change({ [key]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  }

  private change(patch: Partial<ClinicSettingsRequest>): void {
    this.draft = { ...this.draft!, ...patch };
    this.saved = '';
  }

  private reset(settings: ClinicSettings): void {
    const { activeTimeZone: _a, restartRequired: _r, savedAt: _s, phoneCountry: _p, ...request } = settings;
    this.stored = settings;
    this.draft = request;
    this.kioskText = settings.kioskLanguages.join(', ');
    this.displayText = settings.displayLanguages.join(', ');
    this.error = null;
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      this.reset(await apiGet<ClinicSettings>('/api/settings/all'));
    } catch (error) {
      this.loadError = messageOf(error);
    }
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const body: ClinicSettingsRequest = {
      ...this.draft!,
      kioskLanguages: languageList(this.kioskText),
      displayLanguages: languageList(this.displayText),
    };
    const before = this.stored!;
    this.saving = true;
    this.error = null;
    this.saved = '';
    try {
      const settings = await apiFetch<ClinicSettings>('/api/settings', { method: 'PUT', body });
      this.reset(settings);
      this.saved =
        settings.timeZone !== before.timeZone && settings.restartRequired
          ? `Saved. The time zone ${settings.timeZone} applies when the server restarts; everything else applies now.`
          : 'Saved. The changes apply now.';
      this.dispatchEvent(new CustomEvent('clinic-settings-saved', { detail: settings, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-clinic-settings': MqClinicSettings;
  }
}
