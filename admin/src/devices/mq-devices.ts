import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DepartmentSummary } from '../../../common/api';
import type { DisplayProfileView } from '../../../common/display';
import type { KioskProfileView } from '../../../common/kiosk-profile';
import { ApiError, apiFetch, apiGet } from '../../../common/web/api';
import { ClinicController } from '../../../common/web/clinic-controller';
import { baseStyles } from '../../../common/web/shared-styles';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { LANGUAGE_NAMES } from './mq-display-profile-form';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import './mq-device-address';
import './mq-display-profile-form';
import './mq-kiosk-profile-form';
import './mq-check-in-posters';

type Kind = 'display' | 'kiosk';
/** What the form is doing: nothing, creating, or editing the profile with this id. */
type Editing = { kind: Kind; id: number | null } | null;

const departmentsInWords = (departments: DepartmentSummary[]) =>
  departments.length ? departments.map((d) => d.name).join(', ') : 'Every department';

/**
 * The displays and kiosks section (admins): the waiting-room display profiles (departments, language, voice,
 * theme, phone check-in code) and the kiosk profiles (departments offered, printing, language, phone check-in), each
 * with the full address to open on the device and a Copy button; create, edit, and delete after confirming; then the
 * printed check-in posters.
 */
@customElement('mq-devices')
export class MqDevices extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: grid;
        gap: 1rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li.device {
        display: grid;
        gap: 0.75rem;
        padding: 1rem 1.25rem;
        border: 1.5px solid var(--mq-color-border);
        border-radius: var(--mq-radius-sm);
      }
      .device header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .device h3 {
        margin: 0;
        font-size: 1.1rem;
      }
      .device .actions {
        margin: 0;
      }
      .summary {
        margin: 0;
        color: var(--mq-color-text-muted);
      }
      .intro {
        margin: -0.5rem 0 1rem;
        color: var(--mq-color-text-muted);
      }
      .card > * + mq-display-profile-form,
      .card > * + mq-kiosk-profile-form {
        margin-bottom: 1rem;
      }
    `,
  ];

  /** For the server's public address, which the devices' addresses start with. */
  private readonly clinic = new ClinicController(this);
  @state() private displays: DisplayProfileView[] | null = null;
  @state() private kiosks: KioskProfileView[] | null = null;
  @state() private departments: DepartmentSummary[] = [];
  @state() private editing: Editing = null;
  /** A failed load or delete, by list. */
  @state() private errors: Partial<Record<Kind, string>> = {};

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.displays) void this.load();
  }

  render() {
    return html`${this.renderList(
        'display',
        'Waiting-room displays',
        'Open a display profile’s address on the TV’s browser; it shows those departments in that language and theme.',
        this.displays,
        (d) => `${departmentsInWords(d.departments)} · ${LANGUAGE_NAMES[d.language] ?? d.language} · voice ${d.voice ? 'on' : 'off'} · ${d.theme} theme · ${this.checkInInWords(d)}`,
      )}
      ${this.renderList(
        'kiosk',
        'Check-in kiosks',
        'Open a kiosk profile’s address on the kiosk; walk-ins are offered only its departments.',
        this.kiosks,
        (k) => `${departmentsInWords(k.departments)} · ${LANGUAGE_NAMES[k.language] ?? k.language} · printing ${k.printing ? 'on' : 'off'} · phone check-in ${k.phoneCheckIn ? 'on' : 'off'}${k.lockZoom ? ' · zoom locked' : ''}`,
      )}
      <mq-check-in-posters .kiosks=${this.kiosks ?? []}></mq-check-in-posters>`;
  }

  /** Which phone check-in a display's QR code opens, in words. */
  private checkInInWords(display: DisplayProfileView): string {
    if (display.checkInKioskId === null) return 'phone check-in: the clinic’s';
    const kiosk = this.kiosks?.find((k) => k.id === display.checkInKioskId);
    if (!kiosk) return 'phone check-in: a kiosk’s';
    return kiosk.phoneCheckIn ? `phone check-in: kiosk “${kiosk.name}”` : `no phone check-in (kiosk “${kiosk.name}” has it off)`;
  }

  private renderList<P extends DisplayProfileView | KioskProfileView>(kind: Kind, title: string, intro: string, items: P[] | null, summary: (p: P) => string) {
    const editing = this.editing?.kind === kind ? this.editing : null;
    const noun = kind === 'display' ? 'display' : 'kiosk';
    return html`<section class="card" aria-labelledby="${kind}-title">
      <header>
        <h2 id="${kind}-title">${title}</h2>
        <button class="primary" ?disabled=${!!editing && editing.id === null} @click=${() => (this.editing = { kind, id: null })}>New ${noun}</button>
      </header>
      <p class="intro">${intro}</p>
      ${this.errors[kind] ? html`<p class="error" role="alert">${this.errors[kind]}</p>` : nothing}
      ${editing && editing.id === null ? this.renderForm(kind, null) : nothing}
      ${items === null
        ? html`<p class="status" role="status">Loading…</p>`
        : items.length
          ? html`<ul aria-label=${title}>
              ${items.map((p) =>
                editing?.id === p.id
                  ? html`<li>${this.renderForm(kind, p)}</li>`
                  : html`<li class="device" aria-labelledby="${kind}-${p.id}">
                      <header>
                        <h3 id="${kind}-${p.id}">${p.name}</h3>
                        <div class="actions">
                          <button @click=${() => (this.editing = { kind, id: p.id })} aria-label="Edit ${p.name}">Edit</button>
                          <button class="danger" @click=${() => void this.deleteProfile(kind, p)} aria-label="Delete ${p.name}">Delete</button>
                        </div>
                      </header>
                      <p class="summary">${summary(p)}</p>
                      <mq-device-address .path=${p.address} base=${this.clinic.info?.publicBaseUrl ?? ''} label="Address of ${p.name}"></mq-device-address>
                    </li>`,
              )}
            </ul>`
          : html`<p class="empty">No ${noun} profiles yet. ${kind === 'display'
              ? 'A display opened at /display shows every department.'
              : 'A kiosk opened at /kiosk offers every department and prints tickets.'}</p>`}
    </section>`;
  }

  private renderForm(kind: Kind, profile: DisplayProfileView | KioskProfileView | null) {
    const done = (saved: boolean) => {
      this.editing = null;
      if (saved) void this.load();
    };
    return kind === 'display'
      ? html`<mq-display-profile-form
          .departments=${this.departments}
          .kiosks=${this.kiosks ?? []}
          .profile=${profile as DisplayProfileView | null}
          @device-saved=${() => done(true)}
          @device-form-cancel=${() => done(false)}
        ></mq-display-profile-form>`
      : html`<mq-kiosk-profile-form
          .departments=${this.departments}
          .profile=${profile as KioskProfileView | null}
          @device-saved=${() => done(true)}
          @device-form-cancel=${() => done(false)}
        ></mq-kiosk-profile-form>`;
  }

  private async load(): Promise<void> {
    const [displays, kiosks, departments] = await Promise.allSettled([
      apiGet<{ displays: DisplayProfileView[] }>('/api/displays'),
      apiGet<{ kiosks: KioskProfileView[] }>('/api/kiosks'),
      apiGet<{ departments: DepartmentSummary[] }>('/api/departments'),
    ]);
    const message = (r: PromiseRejectedResult) => (r.reason instanceof ApiError ? r.reason.message : String(r.reason));
    const errors: Partial<Record<Kind, string>> = {};
    if (displays.status === 'fulfilled') this.displays = displays.value.displays;
    else errors.display = message(displays);
    if (kiosks.status === 'fulfilled') this.kiosks = kiosks.value.kiosks;
    else errors.kiosk = message(kiosks);
    if (departments.status === 'fulfilled') this.departments = departments.value.departments;
    this.errors = errors;
  }

  private async deleteProfile(kind: Kind, profile: DisplayProfileView | KioskProfileView): Promise<void> {
    const noun = kind === 'display' ? 'display' : 'kiosk';
    const confirmed = await confirmAction({
      title: `Delete the ${noun} “${profile.name}”?`,
      message:
        kind === 'display'
          ? 'A screen still opened at its address will say the profile does not exist until its address is changed.'
          : 'A kiosk still opened at its address will offer every department, with a notice, until its address is changed.',
      confirmLabel: `Delete ${noun}`,
      danger: true,
    });
    if (!confirmed) return;
    try {
      await apiFetch(`/api/${kind === 'display' ? 'displays' : 'kiosks'}/${profile.id}`, { method: 'DELETE' });
      this.errors = { ...this.errors, [kind]: undefined };
      await this.load();
    } catch (error) {
      this.errors = { ...this.errors, [kind]: error instanceof ApiError ? error.message : String(error) };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-devices': MqDevices;
  }
}
