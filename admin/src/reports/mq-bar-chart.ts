import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

// Only what a bar chart needs, so the lazily loaded reports section stays small (Chart.js is tree-shakable).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** One row of bars: its name in the legend and the table, a value per label (null: nothing to show). */
export interface BarSeries {
  label: string;
  values: Array<number | null>;
  /** A theme colour's custom property, e.g. `--mq-color-primary`. */
  color: string;
}

/**
 * A bar chart drawn by Chart.js on a canvas, with its table equivalent: the canvas is an image named by `heading`
 * and `summary` for screen readers, and the same numbers are always in a table below it (read by screen readers,
 * shown on screen with "Show as table"). The chart is destroyed when the element leaves the page, and made again
 * if it comes back, so switching sections leaks nothing.
 */
@customElement('mq-bar-chart')
export class MqBarChart extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }
      h3 {
        margin: 0;
        font-size: 1.1rem;
      }
      .plot {
        position: relative;
        height: 17rem;
      }
      button {
        min-height: 2.2rem;
        padding: 0.25rem 0.75rem;
        font-size: 0.9rem;
      }
      .table {
        margin-top: 1rem;
        overflow-x: auto;
      }
      tbody th {
        color: var(--mq-color-text);
        font-size: 1rem;
        text-transform: none;
        letter-spacing: normal;
      }
      td.number,
      th.number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The chart's title, also the start of the canvas's name. */
  @property() heading = '';
  /** One sentence saying what the chart shows, for screen readers. */
  @property() summary = '';
  /** The heading of the table's first column (what the labels are: "Hour", "Department"). */
  @property() categoryHeading = '';
  /** Unit of the values, shown on the axis and in the table's headings ("min"); empty for counts. */
  @property() unit = '';
  @property({ attribute: false }) labels: string[] = [];
  @property({ attribute: false }) series: BarSeries[] = [];

  @state() private tableShown = false;
  @query('canvas') private canvas!: HTMLCanvasElement;

  /** The Chart.js instance while the element is on the page (tests look at it). */
  chart: Chart<'bar', Array<number | null>, string> | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after leaving it: the chart was destroyed, draw it again.
    if (this.hasUpdated) this.requestUpdate();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  render() {
    const unit = this.unit ? ` (${this.unit})` : '';
    return html`<figure>
      <header>
        <h3 id="heading">${this.heading}</h3>
        <button aria-expanded=${String(this.tableShown)} aria-controls="table" @click=${() => (this.tableShown = !this.tableShown)}>
          ${this.tableShown ? 'Hide table' : 'Show as table'}
        </button>
      </header>
      <div class="plot"><canvas role="img" aria-label="${this.heading}. ${this.summary}"></canvas></div>
      <div class="table ${this.tableShown ? '' : 'visually-hidden'}" id="table">
        <table class="data" aria-labelledby="heading">
          <thead>
            <tr>
              <th scope="col">${this.categoryHeading}</th>
              ${this.series.map((s) => html`<th scope="col" class="number">${s.label}${unit}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${this.labels.map(
              (label, i) => html`<tr>
                <th scope="row">${label}</th>
                ${this.series.map((s) => html`<td class="number">${s.values[i] ?? '–'}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </figure>`;
  }

  protected updated(changed: Map<string, unknown>): void {
    const data = this.data();
    if (!this.chart) {
      this.chart = new Chart(this.canvas, { type: 'bar', data, options: this.options() });
    } else if (changed.has('labels') || changed.has('series') || changed.has('unit')) {
      this.chart.data = data;
      this.chart.options = this.options();
      this.chart.update();
    }
  }

  private colour(name: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || '#0a6b71';
  }

  private data(): ChartData<'bar', Array<number | null>, string> {
    return {
      labels: this.labels,
      datasets: this.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: this.colour(s.color), borderRadius: 4, maxBarThickness: 48 })),
    };
  }

  private options(): ChartOptions<'bar'> {
    const text = this.colour('--mq-color-text-muted');
    const grid = this.colour('--mq-color-border');
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 250 },
      scales: {
        x: { ticks: { color: text }, grid: { display: false } },
        y: {
          beginAtZero: true,
          ticks: { color: text, precision: this.unit ? undefined : 0 },
          grid: { color: grid },
          title: { display: !!this.unit, text: this.unit, color: text },
        },
      },
      plugins: {
        legend: { display: this.series.length > 1, labels: { color: text } },
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label}: ${item.formattedValue}${this.unit ? ` ${this.unit}` : ''}` },
        },
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-bar-chart': MqBarChart;
  }
}
