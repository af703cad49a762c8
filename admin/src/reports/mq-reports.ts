import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ClinicInfo } from '../../../common/api';
import type { ReportFigures, ReportResponse } from '../../../common/reports';
import { ApiError, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { addDays, dayIn, hourRange, minutes, rangeInWords } from './report-format';
import { clinicZone, formatHour } from '../shared/clinic-format';
import { staffButtonStyles } from '../shared/staff-buttons';
import './mq-bar-chart';
import './mq-report-table';
import './mq-estimate-report';

/** Quick ranges: name and how many days back from today (today included). */
const QUICK_RANGES = [
  { label: 'Today', days: 1 },
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
] as const;

const hasVisits = (f: ReportFigures) => f.checkIns > 0 || f.patientsSeen > 0 || f.noShows > 0;

/**
 * The reports section (admins): for a day or a range of clinic days (the last 7 by default), the clinic's figures,
 * a line per department and per doctor, arrivals by hour of the day and waits by department or doctor as charts,
 * each chart with its table, and the same figures as a CSV download.
 */
@customElement('mq-reports')
export class MqReports extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .toolbar .quick {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: 1rem;
        margin: 0;
      }
      .tiles div {
        padding: 0.9rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface-alt);
      }
      .tiles dt {
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
      .tiles dd {
        margin: 0.2rem 0 0;
        font-size: 1.6rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr));
        gap: 1.5rem;
      }
      .field.inline {
        flex-direction: row;
        align-items: center;
        gap: 0.5rem;
      }
      .loading {
        opacity: 0.55;
      }
    `,
  ];

  @state() private from = '';
  @state() private to = '';
  @state() private report: ReportResponse | null = null;
  @state() private loading = false;
  @state() private error: ApiError | null = null;
  @state() private waitBy: 'department' | 'doctor' = 'department';

  private today = '';
  private abort: AbortController | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.today) void this.start();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  /** Today in the clinic's zone (the browser's if the clinic cannot be read), then the last 7 days. */
  private async start(): Promise<void> {
    let zone = clinicZone();
    try {
      zone = (await apiGet<ClinicInfo>('/api/clinic')).timeZone;
    } catch {
      // The report itself will say what is wrong with the connection.
    }
    this.today = dayIn(zone);
    this.pick(7);
  }

  render() {
    return html`<section class="card" aria-labelledby="reports-title">
        <header><h2 id="reports-title">Reports</h2>${this.report ? html`<span class="status">${rangeInWords(this.report.from, this.report.to)} · ${this.report.timeZone}</span>` : nothing}</header>
        <form class="toolbar" @submit=${this.submit} novalidate>
          <div class="field">
            <label for="from">From</label>
            <input id="from" type="date" .value=${this.from} max=${this.today} aria-invalid=${String(!!this.error?.fieldMessage('from'))} aria-describedby="from-error" @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} />
            <span class="field-error" id="from-error">${this.error?.fieldMessage('from') ?? ''}</span>
          </div>
          <div class="field">
            <label for="to">To</label>
            <input id="to" type="date" .value=${this.to} aria-invalid=${String(!!this.error?.fieldMessage('to'))} aria-describedby="to-error" @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} />
            <span class="field-error" id="to-error">${this.error?.fieldMessage('to') ?? ''}</span>
          </div>
          <button class="primary" type="submit">Show report</button>
          <div class="quick" role="group" aria-label="Quick ranges">
            ${QUICK_RANGES.map((r) => html`<button type="button" @click=${() => this.pick(r.days)}>${r.label}</button>`)}
          </div>
          ${this.report
            ? html`<a class="button" href=${this.csvAddress(this.report)} download>Download CSV</a>`
            : nothing}
        </form>
        ${this.loading ? html`<p class="status" role="status">Loading the report…</p>` : nothing}
        ${this.error && !this.error.fields.length ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
        ${this.report ? this.renderFigures(this.report) : nothing}
      </section>
      ${this.report && hasVisits(this.report.total) ? this.renderDetails(this.report) : nothing}`;
  }

  private renderFigures(report: ReportResponse) {
    const t = report.total;
    if (!hasVisits(t)) {
      return html`<p class="empty ${this.loading ? 'loading' : ''}">No visits ${report.from === report.to ? 'on' : 'from'} ${rangeInWords(report.from, report.to)}. Choose other days to see figures.</p>`;
    }
    const tiles: Array<[string, string | number]> = [
      ['Check-ins', t.checkIns],
      ['Patients seen', t.patientsSeen],
      ['No-shows', t.noShows],
      ['Average wait', minutes(t.averageWaitMinutes)],
      ['90th percentile wait', minutes(t.p90WaitMinutes)],
      ['Average consultation', minutes(t.averageConsultationMinutes)],
    ];
    return html`<dl class="tiles ${this.loading ? 'loading' : ''}" aria-label="Whole clinic">
      ${tiles.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}
    </dl>`;
  }

  private renderDetails(report: ReportResponse) {
    const departments = new Map(report.departments.map((d) => [d.id, d.name]));
    const waitLines = this.waitBy === 'department' ? report.departments : report.doctors;
    const hours = this.hoursShown(report.total.arrivalsByHour);
    return html`<section class="card charts ${this.loading ? 'loading' : ''}" aria-label="Charts">
        <mq-bar-chart
          heading="Arrivals by hour of the day"
          summary=${`Check-ins per hour from ${hourRange(hours[0])} to ${hourRange(hours[hours.length - 1])}; the busiest hour was ${hourRange(report.total.arrivalsByHour.indexOf(Math.max(...report.total.arrivalsByHour)))}.`}
          categoryHeading="Hour"
          .labels=${hours.map((h) => formatHour(h))}
          .series=${[{ label: 'Check-ins', values: hours.map((h) => report.total.arrivalsByHour[h]), color: '--mq-color-primary' }]}
        ></mq-bar-chart>
        <div>
          <div class="field inline">
            <label for="wait-by">Waits by</label>
            <select id="wait-by" @change=${(e: Event) => (this.waitBy = (e.target as HTMLSelectElement).value as 'department' | 'doctor')}>
              <option value="department" ?selected=${this.waitBy === 'department'}>Department</option>
              <option value="doctor" ?selected=${this.waitBy === 'doctor'}>Doctor</option>
            </select>
          </div>
          <mq-bar-chart
            heading=${this.waitBy === 'department' ? 'Wait by department' : 'Wait by doctor'}
            summary="Average and 90th-percentile wait from check-in to first call, in minutes."
            categoryHeading=${this.waitBy === 'department' ? 'Department' : 'Doctor'}
            unit="min"
            .labels=${waitLines.map((l) => l.name)}
            .series=${[
              { label: 'Average wait', values: waitLines.map((l) => l.averageWaitMinutes), color: '--mq-color-primary' },
              { label: '90th percentile wait', values: waitLines.map((l) => l.p90WaitMinutes), color: '--mq-color-accent' },
            ]}
          ></mq-bar-chart>
        </div>
      </section>
      <section class="card ${this.loading ? 'loading' : ''}" aria-labelledby="estimates">
        <h2 id="estimates">Wait estimates</h2>
        <mq-estimate-report .lines=${report.estimates} .departments=${departments}></mq-estimate-report>
      </section>
      <section class="card ${this.loading ? 'loading' : ''}" aria-labelledby="by-department">
        <h2 id="by-department">By department</h2>
        <mq-report-table
          caption="Figures by department"
          nameHeading="Department"
          .lines=${report.departments.map((d) => ({ name: d.name, figures: d }))}
          .total=${{ name: 'All departments', figures: report.total }}
        ></mq-report-table>
      </section>
      <section class="card ${this.loading ? 'loading' : ''}" aria-labelledby="by-doctor">
        <h2 id="by-doctor">By doctor</h2>
        ${report.doctors.length
          ? html`<mq-report-table
              caption="Figures by doctor"
              nameHeading="Doctor"
              extraHeading="Department"
              .lines=${report.doctors.map((d) => ({ name: d.name, extra: departments.get(d.departmentId) ?? '', figures: d }))}
            ></mq-report-table>`
          : html`<p class="empty">No visit was for or seen by a named doctor.</p>`}
      </section>`;
  }

  /** The hours to chart: those with arrivals, widened to at least 08:00-17:59 so quiet days still read as a day. */
  private hoursShown(byHour: number[]): number[] {
    const busy = byHour.flatMap((n, h) => (n > 0 ? [h] : []));
    const first = Math.min(8, ...busy);
    const last = Math.max(17, ...busy);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  private csvAddress(report: ReportResponse): string {
    return `/api/reports?${new URLSearchParams({ from: report.from, to: report.to, format: 'csv' })}`;
  }

  /** The last `days` clinic days, today included, and loads them. */
  private pick(days: number): void {
    this.to = this.today;
    this.from = addDays(this.today, 1 - days);
    void this.load();
  }

  private readonly submit = (event: Event): void => {
    event.preventDefault();
    void this.load();
  };

  private async load(): Promise<void> {
    this.abort?.abort();
    this.abort = new AbortController();
    const { signal } = this.abort;
    this.loading = true;
    this.error = null;
    try {
      const query = new URLSearchParams({ from: this.from, to: this.to });
      this.report = await apiGet<ReportResponse>(`/api/reports?${query}`, { signal });
    } catch (error) {
      if (signal.aborted) return;
      this.error = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
    }
    this.loading = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-reports': MqReports;
  }
}
