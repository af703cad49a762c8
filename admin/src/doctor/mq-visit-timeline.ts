import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TimelineEvent, VisitTimeline } from '../../../common/visits';
import { ApiError, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { formatTime } from '../shared/clinic-format';

/**
 * A visit's timeline (issue 19): every stage from check-in to the signed record, each with its time and who did
 * it, as an ordered list. Given `events` it shows them; given only `entryId` it reads them
 * (GET /api/visits/:id/timeline), again whenever `refreshKey` changes (the visit moved on).
 */
@customElement('mq-visit-timeline')
export class MqVisitTimeline extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1.05rem;
      }
      ol {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem 0.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        padding: 0.25rem 0.6rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface-alt);
        font-size: 0.92rem;
      }
      time {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .who {
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  /** The visit (any of its queue entries). */
  @property({ type: Number }) entryId = 0;
  /** Changes when the visit moves on, to read the timeline again. */
  @property() refreshKey = '';
  /** The stages, when the caller has them already (the patient page). */
  @property({ attribute: false }) events: TimelineEvent[] | null = null;
  /** Whether to draw the "Visit timeline" heading. */
  @property({ type: Boolean }) heading = true;

  @state() private loaded: TimelineEvent[] | null = null;
  @state() private problem = '';

  protected willUpdate(changed: Map<string, unknown>): void {
    if (this.events === null && this.entryId && (changed.has('entryId') || changed.has('refreshKey'))) void this.load();
  }

  render() {
    const events = this.events ?? this.loaded;
    return html`${this.heading ? html`<h3 id="timeline-title">Visit timeline</h3>` : nothing}
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}
      ${events
        ? html`<ol aria-label="Visit timeline">
            ${events.map(
              (e) => html`<li data-action=${e.action}>
                <time datetime=${e.at}>${formatTime(e.at)}</time> ${e.label}${e.token ? ` (${e.token})` : ''}
                <span class="who">· ${e.by?.fullName ?? e.byDevice ?? ''}</span>${e.note ? html` <span class="who">· ${e.note}</span>` : nothing}
              </li>`,
            )}
          </ol>`
        : nothing}`;
  }

  private async load(): Promise<void> {
    const id = this.entryId;
    try {
      const timeline = await apiGet<VisitTimeline>(`/api/visits/${id}/timeline`);
      if (id === this.entryId) this.loaded = timeline.events;
      this.problem = '';
    } catch (error) {
      this.problem = `The visit's timeline could not be loaded. ${error instanceof ApiError ? error.message : ''}`.trim();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-visit-timeline': MqVisitTimeline;
  }
}
