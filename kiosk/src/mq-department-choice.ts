import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KioskDepartment } from '../../common/kiosk';
import { baseStyles } from '../../common/web/shared-styles';
import { chevron, kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';

/**
 * The walk-in's first question: which department. Each shows how many are waiting and how long a new walk-in
 * would wait; closed ones are shown, greyed and not selectable, with when they open. Fires `department-pick`.
 */
@customElement('mq-department-choice')
export class MqDepartmentChoice extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      .initial {
        display: grid;
        place-items: center;
        flex: none;
        width: clamp(3.5rem, 8vmin, 4.75rem);
        aspect-ratio: 1;
        border-radius: 50%;
        background: var(--mq-color-primary-soft);
        color: var(--mq-color-primary-strong);
        font-size: clamp(1.3rem, 3vmin, 1.9rem);
        font-weight: 800;
      }
      .option:disabled .initial {
        background: var(--mq-color-border);
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;
  /** Null while loading. */
  @property({ attribute: false }) departments: KioskDepartment[] | null = null;

  render() {
    const t = this.locale.t.walkIn;
    if (!this.departments) return html`<p class="lead" role="status">${t.loading}</p>`;
    if (!this.departments.length) return html`<p class="message" role="status">${t.noDepartments}</p>`;
    return html`<div class="options" role="list">
      ${this.departments.map(
        (d) => html`<div role="listitem" style="display:contents">
          <button class="option" ?disabled=${!d.open} data-department=${d.id} @click=${() => this.pick(d.id)}>
            <span class="initial" aria-hidden="true">${d.prefix}</span>
            <span class="main">
              <span class="title">${this.locale.department(d)}</span>
              <span class="pills">
                ${d.open
                  ? html`<span class="pill">${t.waiting(d.waitingCount)}</span><span class="pill">${t.estimate(d.estimateMinutes)}</span>`
                  : html`<span class="pill closed">${d.opensAt ? t.closedOpens(this.locale.when(d.opensAt)) : t.closed}</span>`}
              </span>
            </span>
            ${d.open ? chevron : nothing}
          </button>
        </div>`,
      )}
    </div>`;
  }

  private pick(id: number): void {
    this.dispatchEvent(new CustomEvent('department-pick', { detail: id, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-department-choice': MqDepartmentChoice;
  }
  interface GlobalEventHandlersEventMap {
    'department-pick': CustomEvent<number>;
  }
}
