import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EstimateDayReport } from '../../../common/reports';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';

import './mq-bar-chart';

/** Count-weighted totals of some day-and-department lines. */
function totals(lines: readonly EstimateDayReport[]) {
  const count = lines.reduce((s, l) => s + l.count, 0);
  const weighted = (f: (l: EstimateDayReport) => number) => (count ? lines.reduce((s, l) => s + f(l) * l.count, 0) / count : null);
  return {
    count,
    estimated: weighted((l) => l.meanEstimatedMinutes),
    real: weighted((l) => l.meanRealMinutes),
    mae: weighted((l) => l.maeMinutes),
    inside: weighted((l) => l.insideShare),
  };
}

const one = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/**
 * The wait estimates patients were shown at check-in against the waits that followed: the mean of each per day
 * (a chart, with its table), and per department how far off they were and how often the real wait fell inside the
 * range shown. The clinic's own check on the promise the kiosk makes.
 */
@customElement('mq-estimate-report')
export class MqEstimateReport extends LitElement {
  static styles = [
    baseStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      table {
        margin-top: 1rem;
        border-collapse: collapse;
      }
      th,
      td {
        padding: 0.35rem 0.75rem;
        text-align: end;
      }
      th:first-child {
        text-align: start;
      }
    `,
  ];

  /** The report's estimate lines (by day, then department). */
  @property({ attribute: false }) lines: EstimateDayReport[] = [];
  /** Department names by id. */
  @property({ attribute: false }) departments = new Map<number, string>();

  render() {
    if (!this.lines.length) return html`<p class="empty">No estimates were recorded on these days.</p>`;
    const days = [...new Set(this.lines.map((l) => l.day))];
    const byDay = days.map((day) => totals(this.lines.filter((l) => l.day === day)));
    const ids = [...new Set(this.lines.map((l) => l.departmentId))];
    const rows = ids.map((id) => ({ name: this.departments.get(id) ?? `Department ${id}`, ...totals(this.lines.filter((l) => l.departmentId === id)) }));
    return html`<mq-bar-chart
        heading="Estimated and real wait by day"
        summary="Mean wait estimate shown at check-in and mean real wait from check-in to first call, in minutes, per day."
        categoryHeading="Day"
        unit="min"
        .labels=${days.map((d) => d.slice(5))}
        .series=${[
          { label: 'Estimated at check-in', values: byDay.map((t) => one(t.estimated)), color: '--mq-color-accent' },
          { label: 'Real wait', values: byDay.map((t) => one(t.real)), color: '--mq-color-primary' },
        ]}
      ></mq-bar-chart>
      <table>
        <caption class="visually-hidden">Estimate error by department</caption>
        <thead>
          <tr><th scope="col">Department</th><th scope="col">Check-ins</th><th scope="col">Mean error</th><th scope="col">Real wait inside range</th></tr>
        </thead>
        <tbody>
          ${rows.map((r) => html`<tr><th scope="row">${r.name}</th><td>${r.count}</td><td>${one(r.mae)} min</td><td>${percent(r.inside)}</td></tr>`)}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-estimate-report': MqEstimateReport;
  }
}
