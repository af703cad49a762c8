import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReportFigures } from '../../../common/reports';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { minutes } from './report-format';

/** One line of a report table: its name, an optional second column (the doctor's department) and its figures. */
export interface ReportLine {
  name: string;
  extra?: string;
  figures: ReportFigures;
}

/**
 * The report's figures as a table, one line per department or doctor, with an optional total line at the foot:
 * check-ins, patients seen, no-shows, average and 90th-percentile wait, average consultation.
 */
@customElement('mq-report-table')
export class MqReportTable extends LitElement {
  static styles = [
    baseStyles,
    panelStyles,
    css`
      :host {
        display: block;
        overflow-x: auto;
      }
      .number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      td.number {
        white-space: nowrap;
      }
      tbody th,
      tfoot th {
        color: var(--mq-color-text);
        font-size: 1rem;
        text-transform: none;
        letter-spacing: normal;
      }
      tfoot th,
      tfoot td {
        border-bottom: none;
        border-top: 2px solid var(--mq-color-border);
        font-weight: 700;
      }
    `,
  ];

  /** The table's name for screen readers, e.g. "Figures by department". */
  @property() caption = '';
  /** The first column's heading: "Department", "Doctor". */
  @property() nameHeading = '';
  /** The heading of the second column, when lines have one. */
  @property() extraHeading = '';
  @property({ attribute: false }) lines: ReportLine[] = [];
  @property({ attribute: false }) total: ReportLine | null = null;

  render() {
    return html`<table class="data">
      <caption class="visually-hidden">${this.caption}</caption>
      <thead>
        <tr>
          <th scope="col">${this.nameHeading}</th>
          ${this.extraHeading ? html`<th scope="col">${this.extraHeading}</th>` : nothing}
          <th scope="col" class="number">Check-ins</th>
          <th scope="col" class="number">Patients seen</th>
          <th scope="col" class="number">No-shows</th>
          <th scope="col" class="number">Average wait</th>
          <th scope="col" class="number">90th percentile wait</th>
          <th scope="col" class="number">Average consultation</th>
        </tr>
      </thead>
      <tbody>
        ${this.lines.map((line) => this.row(line))}
      </tbody>
      ${this.total ? html`<tfoot>${this.row(this.total)}</tfoot>` : nothing}
    </table>`;
  }

  private row({ name, extra, figures: f }: ReportLine) {
    return html`<tr>
      <th scope="row">${name}</th>
      ${this.extraHeading ? html`<td>${extra ?? ''}</td>` : nothing}
      <td class="number">${f.checkIns}</td>
      <td class="number">${f.patientsSeen}</td>
      <td class="number">${f.noShows}</td>
      <td class="number">${minutes(f.averageWaitMinutes)}</td>
      <td class="number">${minutes(f.p90WaitMinutes)}</td>
      <td class="number">${minutes(f.averageConsultationMinutes)}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-report-table': MqReportTable;
  }
}
