import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CheckInPosterInput, CheckInPosterView } from '../../../common/check-in';
import type { KioskProfileView } from '../../../common/kiosk-profile';
import { dayInZone } from '../../../common/clinic-format';
import { ApiError, apiFetch, apiGet, apiPost } from '../../../common/web/api';
import { ClinicController } from '../../../common/web/clinic-controller';
import { baseStyles } from '../../../common/web/shared-styles';
import { deviceFormStyles } from './device-form-styles';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/** How long a new poster lasts unless the admin says otherwise: a season on the wall. */
const DEFAULT_POSTER_DAYS = 90;

const STATUS_WORDS: Record<CheckInPosterView['status'], string> = { active: 'Works', expired: 'Expired', revoked: 'Revoked' };

/** `day` plus `days` calendar days, both YYYY-MM-DD. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Printed check-in posters (admins): a poster's QR code opens phone check-in like the display's, but cannot rotate,
 * so each poster is good through a day chosen here and can be revoked at once. Make one (a name, the clinic's
 * check-in or a kiosk profile's, the last day), print it (the A4 page in a new tab), revoke it.
 */
@customElement('mq-check-in-posters')
export class MqCheckInPosters extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    deviceFormStyles,
    css`
      :host {
        display: block;
        margin-top: 1.5rem;
      }
      form {
        margin-bottom: 1rem;
      }
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0.75rem 1rem;
      }
      .intro {
        margin: -0.5rem 0 1rem;
        color: var(--mq-color-text-muted);
      }
      td .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  /** The kiosk profiles a poster may open check-in for. */
  @property({ attribute: false }) kiosks: KioskProfileView[] = [];

  private readonly clinic = new ClinicController(this);
  @state() private posters: CheckInPosterView[] | null = null;
  @state() private input: { label: string; kioskProfileId: number | null; validThrough: string } = { label: '', kioskProfileId: null, validThrough: '' };
  @state() private error: ApiError | null = null;
  @state() private listError = '';
  @state() private saving = false;

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.posters) void this.load();
  }

  render() {
    const v = this.input;
    const fieldError = (path: string) => this.error?.fieldMessage(path) ?? '';
    return html`<section class="card" aria-labelledby="posters-title">
      <h2 id="posters-title">Check-in posters</h2>
      <p class="intro">A printed QR code for phone check-in, for a wall or a door. It works until the end of its last day, or until revoked.</p>
      <form @submit=${this.create} novalidate aria-labelledby="poster-form-title">
        <h3 id="poster-form-title">New poster</h3>
        <div class="fields">
          <div class="field">
            <label for="poster-label">Poster name</label>
            <input id="poster-label" .value=${v.label} placeholder="e.g. Front door" aria-describedby="poster-label-error" aria-invalid=${String(!!fieldError('label'))} @input=${(e: Event) => (this.input = { ...v, label: (e.target as HTMLInputElement).value })} />
            <span class="field-error" id="poster-label-error">${fieldError('label')}</span>
          </div>
          <div class="field">
            <label for="poster-kiosk">Check-in it opens</label>
            <select id="poster-kiosk" @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              this.input = { ...this.input, kioskProfileId: value ? Number(value) : null };
            }}>
              <option value="" ?selected=${v.kioskProfileId === null}>The clinic’s: every department</option>
              ${this.kiosks.map((k) => html`<option value=${k.id} ?selected=${v.kioskProfileId === k.id}>Kiosk “${k.name}”${k.phoneCheckIn ? '' : ' (phone check-in off)'}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="poster-until">Last day it works</label>
            <input id="poster-until" type="date" .value=${v.validThrough || this.defaultLastDay()} aria-describedby="poster-until-error" aria-invalid=${String(!!fieldError('validThrough'))} @input=${(e: Event) => (this.input = { ...this.input, validThrough: (e.target as HTMLInputElement).value })} />
            <span class="field-error" id="poster-until-error">${fieldError('validThrough')}</span>
          </div>
        </div>
        ${this.error && !this.error.fields.length ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.saving}>Make poster</button></div>
      </form>
      ${this.listError ? html`<p class="error" role="alert">${this.listError}</p>` : nothing}
      ${this.renderList()}
    </section>`;
  }

  private renderList() {
    if (this.posters === null) return html`<p class="status" role="status">Loading…</p>`;
    if (!this.posters.length) return html`<p class="empty">No posters yet.</p>`;
    return html`<table class="data" aria-label="Check-in posters">
      <thead><tr><th scope="col">Poster</th><th scope="col">Check-in</th><th scope="col">Last day</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>
        ${this.posters.map(
          (p) => html`<tr>
            <td>${p.label}</td>
            <td>${p.kiosk ? `Kiosk “${p.kiosk.name}”${p.kiosk.phoneCheckIn ? '' : ' (phone check-in off)'}` : 'The clinic’s'}</td>
            <td>${p.validThrough}</td>
            <td>${STATUS_WORDS[p.status]}</td>
            <td>
              ${p.status === 'active'
                ? html`<div class="row-actions">
                    <a class="button" href=${p.printAddress} target="_blank" rel="noopener" aria-label="Print ${p.label}">Print</a>
                    <button class="danger" @click=${() => void this.revoke(p)} aria-label="Revoke ${p.label}">Revoke</button>
                  </div>`
                : nothing}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** A season from today in the clinic's zone (the browser's until the clinic has loaded). */
  private defaultLastDay(): string {
    const zone = this.clinic.info?.timeZone;
    const today = dayInZone(new Date(), zone);
    return addDays(today, DEFAULT_POSTER_DAYS);
  }

  private readonly create = async (event: Event): Promise<void> => {
    event.preventDefault();
    this.saving = true;
    this.error = null;
    const body: CheckInPosterInput = { label: this.input.label.trim(), kioskProfileId: this.input.kioskProfileId, validThrough: this.input.validThrough || this.defaultLastDay() };
    try {
      await apiPost<CheckInPosterView>('/api/check-in-posters', body);
      this.input = { label: '', kioskProfileId: null, validThrough: '' };
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
    } finally {
      this.saving = false;
    }
  };

  private async revoke(poster: CheckInPosterView): Promise<void> {
    const confirmed = await confirmAction({
      title: `Revoke the poster “${poster.label}”?`,
      message: 'Its QR code stops working at once, on every printed copy. Take the posters down and make a new one if needed.',
      confirmLabel: 'Revoke poster',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await apiFetch(`/api/check-in-posters/${poster.id}/revoke`, { method: 'POST' });
      await this.load();
    } catch (error) {
      this.listError = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async load(): Promise<void> {
    try {
      this.posters = (await apiGet<{ posters: CheckInPosterView[] }>('/api/check-in-posters')).posters;
      this.listError = '';
    } catch (error) {
      this.listError = error instanceof ApiError ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-check-in-posters': MqCheckInPosters;
  }
}
