import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ClinicInfo } from '../../common/api';
import type {
  PublicBookingRequest,
  PublicBookingResponse,
  PublicDepartment,
  PublicDoctor,
  PublicSlot,
  PublicSlotsResponse,
} from '../../common/booking';
import { ApiError, apiGet, apiPost } from '../../common/web/api';
import { addDays, dayInZone } from '../../common/web/dates';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from './book-styles';
import { loadTexts } from '../../common/i18n/load';
import { BookLocale } from './locale';
import './mq-day-picker';
import './mq-slot-list';

/** Days of free times shown at once; "Show later days" adds as many again. */
const DAYS_SHOWN = 14;
/** How far ahead the page looks at most (the server answers at most 31 days per request). */
const DAYS_MAX = 56;

type Phase = 'loading' | 'off' | 'ready' | 'unreachable';

/**
 * The public booking page (/book): a patient picks a department, a doctor (or any), a day and a free time in the
 * next weeks, gives their name, phone and date of birth, and gets a booking code and a printable confirmation.
 * Nothing about other patients is ever shown: the server offers only free times. When the clinic has switched online
 * booking off, the page says so. Everything is in the patient's language (`?lang=`, else the browser's), refusals
 * in plain words (./locale.ts).
 */
@customElement('mq-public-booking')
export class MqPublicBooking extends LitElement {
  static styles = [baseStyles, bookStyles];

  /** The page's language and texts, once downloaded (only that language's: common/i18n/load.ts). */
  @state() private loadedLocale: BookLocale | null = null;
  @state() private phase: Phase = 'loading';
  /** The day whose free times are shown ('YYYY-MM-DD'). */
  @state() private day = '';
  @state() private message = '';
  @state() private clinic: ClinicInfo | null = null;
  @state() private departments: PublicDepartment[] = [];
  @state() private departmentId = 0;
  @state() private doctors: PublicDoctor[] = [];
  @state() private doctorId = 0;
  @state() private slots: PublicSlot[] | null = null;
  @state() private until = '';
  @state() private slotProblem = '';
  /** Why the patient is choosing again (the time they chose was just taken). */
  @state() private takenNotice = '';
  @state() private chosen: PublicSlot | null = null;
  @state() private form = { fullName: '', phone: '', dateOfBirth: '' };
  @state() private fieldErrors: Record<string, string> = {};
  @state() private formProblem = '';
  @state() private sending = false;
  @state() private done: PublicBookingResponse | null = null;
  /** Register for the patient dashboard (/me) with this booking's phone. */
  @state() private createAccount = false;
  private request = 0;

  connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  /** Set before anything that needs words runs (start() waits for it). */
  private get locale(): BookLocale {
    return this.loadedLocale!;
  }

  render() {
    if (!this.loadedLocale) return html`<main aria-busy="true"></main>`;
    return html`<main>
      <header>
        <p class="clinic" dir="auto">${this.clinic?.name ?? ''}</p>
        <h1>${this.locale.t.title}</h1>
      </header>
      ${this.renderBody()}
    </main>`;
  }

  private renderBody() {
    const t = this.locale.t;
    switch (this.phase) {
      case 'loading':
        return html`<p class="status" role="status">${t.loading}</p>`;
      case 'off':
        return html`<section class="card notice" role="status">
          <h2>${t.offTitle}</h2>
          <p>${this.message}</p>
        </section>`;
      case 'unreachable':
        return html`<section class="card" role="alert">
          <p class="error">${this.message}</p>
          <button type="button" class="primary" @click=${this.start}>${t.tryAgain}</button>
        </section>`;
      case 'ready':
        if (this.done) return this.renderDone(this.done);
        return this.chosen ? this.renderDetails(this.chosen) : this.renderChoice();
    }
  }

  private renderChoice() {
    const t = this.locale.t;
    if (!this.departments.length) return html`<section class="card"><p>${t.nothing}</p></section>`;
    return html`<section class="card">
        <h2>${t.who}</h2>
        <div class="field">
          <label for="department">${t.department}</label>
          <select id="department" @change=${this.onDepartment}>
            <option value="0" ?selected=${!this.departmentId}>${t.chooseDepartment}</option>
            ${this.departments.map((d) => html`<option value=${d.id} ?selected=${d.id === this.departmentId}>${this.locale.department(d)}</option>`)}
          </select>
        </div>
        ${this.departmentId
          ? html`<div class="field">
              <label for="doctor">${t.doctor}</label>
              <select id="doctor" @change=${this.onDoctor}>
                <option value="0" ?selected=${!this.doctorId}>${t.anyDoctor}</option>
                ${this.doctors.map(
                  (d) => html`<option value=${d.id} ?selected=${d.id === this.doctorId}>${d.name} · ${d.specialization}</option>`,
                )}
              </select>
            </div>`
          : nothing}
      </section>
      ${this.departmentId ? html`<section class="card" aria-labelledby="times">${this.renderSlots()}</section>` : nothing}`;
  }

  private renderSlots() {
    const t = this.locale.t;
    const title = html`<h2 id="times">${t.when}</h2>`;
    if (this.slotProblem) return html`${title}<p class="error" role="alert">${this.slotProblem}</p>`;
    if (!this.slots) return html`${title}<p class="status" role="status">${t.looking}</p>`;
    const today = this.today();
    const more = this.until < addDays(today, DAYS_MAX - 1);
    const days = [...new Set(this.slots.map((s) => s.date))];
    const day = days.includes(this.day) ? this.day : days[0];
    return html`${title}
      ${this.takenNotice ? html`<p class="error" role="alert">${this.takenNotice}</p>` : nothing}
      ${days.length
        ? html`<fieldset class="days">
              <legend>${t.day}</legend>
              <mq-day-picker .locale=${this.locale} .days=${days} selected=${day} @day-pick=${(e: CustomEvent<string>) => (this.day = e.detail)}></mq-day-picker>
            </fieldset>
            <h3 class="times-on">${t.timesOn(this.locale.day(day))}</h3>
            <mq-slot-list
              .slots=${this.slots.filter((s) => s.date === day)}
              .doctors=${new Map(this.doctors.map((d) => [d.id, d]))}
              ?showDoctor=${!this.doctorId}
              @slot-pick=${this.onPick}
            ></mq-slot-list>`
        : html`<p class="status">${t.noTimes(this.locale.day(this.until))}${more ? ` ${t.lookFurther}` : ''}</p>`}
      ${more ? html`<button type="button" class="more" @click=${this.showMore}>${t.showLater}</button>` : nothing}`;
  }

  private renderDetails(slot: PublicSlot) {
    const doctor = this.doctors.find((d) => d.id === slot.doctorId);
    const field = (id: keyof typeof this.form, label: string, type: string, autocomplete: string, hint = '') => html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
      <input
        id=${id}
        type=${type}
        autocomplete=${autocomplete}
        required
        max=${type === 'date' ? this.today() : nothing}
        .value=${this.form[id]}
        aria-invalid=${this.fieldErrors[id] ? 'true' : 'false'}
        aria-describedby=${hint ? `${id}-hint` : nothing}
        @input=${(e: Event) => {
          this.form = { ...this.form, [id]: (e.target as HTMLInputElement).value };
          this.fieldErrors = { ...this.fieldErrors, [id]: '' };
        }}
      />
      ${this.fieldErrors[id] ? html`<span class="field-error" role="alert">${this.fieldErrors[id]}</span>` : nothing}
    </div>`;
    const t = this.locale.t;
    const department = this.departments.find((d) => d.id === this.departmentId);
    return html`<section class="card">
      <h2>${t.details}</h2>
      <p class="chosen">
        <strong>${t.at(this.locale.day(slot.date, 'long'), slot.start)}</strong><br />
        <span dir="auto">${doctor?.name ?? ''}</span>${doctor ? html` · ` : nothing}${department ? this.locale.department(department) : ''}
      </p>
      <form @submit=${this.book} novalidate>
        ${field('fullName', t.fullName, 'text', 'name')} ${field('phone', t.phone, 'tel', 'tel', t.phoneHint)}
        ${field('dateOfBirth', t.dateOfBirth, 'date', 'bday')}
        <label class="check"><input type="checkbox" .checked=${this.createAccount}
          @change=${(e: Event) => (this.createAccount = (e.target as HTMLInputElement).checked)} /> ${this.locale.texts.me.createAccount}</label>
        ${this.formProblem ? html`<p class="error" role="alert">${this.formProblem}</p>` : nothing}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.sending}>${this.sending ? t.sending : t.submit}</button>
          <button type="button" @click=${this.back}>${t.another}</button>
        </div>
      </form>
    </section>`;
  }

  private renderDone(done: PublicBookingResponse) {
    const t = this.locale.t;
    return html`<section class="card done" role="status" aria-labelledby="done-title">
      <h2 id="done-title">${t.booked}</h2>
      <p class="when">${t.at(this.locale.day(done.date, 'long'), done.start)}</p>
      <p><span dir="auto">${done.doctor.name}</span> · ${this.locale.department(done.department)} · ${this.locale.room(done.doctor.room)}</p>
      <p id="code-label">${t.yourCode}</p>
      <p class="code" aria-labelledby="code-label">${done.bookingCode}</p>
      <p>${t.onTheDay}</p>
      <div class="buttons">
        <a class="button primary" href="/book/confirmation/${done.bookingCode}?lang=${this.locale.language}" target="_blank" rel="noopener">${t.openConfirmation}</a>
        <button type="button" @click=${this.again}>${t.bookAnother}</button>
        ${done.account ? html`<a class="button" href="/me?lang=${this.locale.language}">${this.locale.texts.me.manage}</a>` : nothing}
      </div>
    </section>`;
  }

  private today(): string {
    return dayInZone(new Date(), this.clinic?.timeZone ?? 'UTC');
  }

  private start = async (): Promise<void> => {
    this.phase = 'loading';
    if (!this.loadedLocale) {
      const language = BookLocale.fromPage();
      try {
        this.loadedLocale = new BookLocale(language, await loadTexts(language));
      } catch {
        // The page's words could not be downloaded: try again shortly, as the rest of the page would.
        setTimeout(() => void this.start(), 3000);
        return;
      }
      // The whole document follows the language: screen readers pick the voice from lang, the layout mirrors with dir.
      document.documentElement.lang = language;
      document.documentElement.dir = this.locale.texts.dir;
    }
    try {
      this.clinic ??= await apiGet<ClinicInfo>('/api/clinic');
      document.title = `${this.locale.t.title} · ${this.clinic.name}`;
      const { labels } = await apiGet<{ labels: Record<number, Record<string, string>> }>('/api/department-labels');
      this.loadedLocale = new BookLocale(this.locale.language, this.locale.texts, labels);
      this.departments = (await apiGet<{ departments: PublicDepartment[] }>('/api/public/departments')).departments;
      this.phase = 'ready';
      // One department: nothing to choose.
      if (this.departments.length === 1) await this.chooseDepartment(this.departments[0].id);
    } catch (error) {
      this.fail(error, (message) => ((this.message = message), (this.phase = 'unreachable')));
    }
  };

  /** Online booking switched off (at any step) changes the whole page; other refusals go to `show`. */
  private fail(error: unknown, show: (message: string) => void): void {
    if (!(error instanceof ApiError)) throw error;
    if (error.id === 'booking_disabled') {
      this.message = this.locale.error(error);
      this.phase = 'off';
    } else show(this.locale.error(error));
  }

  private async onDepartment(event: Event): Promise<void> {
    await this.chooseDepartment(Number((event.target as HTMLSelectElement).value));
  }

  private async chooseDepartment(id: number): Promise<void> {
    this.departmentId = id;
    this.takenNotice = '';
    this.doctorId = 0;
    this.doctors = [];
    if (!id) return;
    try {
      this.doctors = (await apiGet<{ doctors: PublicDoctor[] }>(`/api/public/doctors?departmentId=${id}`)).doctors;
      await this.loadSlots(false);
    } catch (error) {
      this.fail(error, (message) => (this.slotProblem = message));
    }
  }

  private async onDoctor(event: Event): Promise<void> {
    this.doctorId = Number((event.target as HTMLSelectElement).value);
    await this.loadSlots(false);
  }

  private showMore = () => this.loadSlots(true);

  /** The free times from today (or, with `more`, the next days after those shown). */
  private async loadSlots(more: boolean): Promise<void> {
    const request = ++this.request;
    const from = more ? addDays(this.until, 1) : this.today();
    const to = addDays(from, DAYS_SHOWN - 1);
    const who = this.doctorId ? `doctorId=${this.doctorId}` : `departmentId=${this.departmentId}`;
    this.slotProblem = '';
    if (!more) this.slots = null;
    try {
      const answer = await apiGet<PublicSlotsResponse>(`/api/public/slots?${who}&from=${from}&to=${to}`);
      if (request !== this.request) return;
      this.slots = more ? [...(this.slots ?? []), ...answer.slots] : answer.slots;
      // Later days were asked for: show the first of them that has times.
      if (more) this.day = answer.slots[0]?.date ?? this.day;
      this.until = to;
    } catch (error) {
      if (request === this.request) this.fail(error, (message) => (this.slotProblem = message));
    }
  }

  private onPick(event: CustomEvent<PublicSlot>): void {
    this.chosen = event.detail;
    this.takenNotice = '';
    this.formProblem = '';
    this.fieldErrors = {};
  }

  private back = (): void => {
    this.chosen = null;
  };

  private async book(event: Event): Promise<void> {
    event.preventDefault();
    const body: PublicBookingRequest = {
      slotId: this.chosen!.id,
      fullName: this.form.fullName.trim(),
      phone: this.form.phone.trim(),
      dateOfBirth: this.form.dateOfBirth,
      createAccount: this.createAccount,
    };
    this.sending = true;
    this.formProblem = '';
    try {
      this.done = await apiPost<PublicBookingResponse>('/api/public/bookings', body);
    } catch (error) {
      this.fail(error, (message) => {
        const e = error as ApiError;
        this.fieldErrors = Object.fromEntries(e.fields.map((f) => [f.path, this.locale.field(f.path)]));
        this.formProblem = e.fields.length ? this.locale.t.checkDetails : message;
        // Taken meanwhile: the list of times is out of date.
        if (e.id === 'slot_taken' || e.id === 'slot_unavailable' || e.id === 'slot_past') {
          this.chosen = null;
          this.takenNotice = message;
          void this.loadSlots(false);
        }
      });
    } finally {
      this.sending = false;
    }
  }

  private again = (): void => {
    this.done = null;
    this.chosen = null;
    void this.loadSlots(false);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-public-booking': MqPublicBooking;
  }
}
