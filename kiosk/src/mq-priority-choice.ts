import { LitElement, css, html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PriorityReason } from '../../common/api';
import { baseStyles } from '../../common/web/shared-styles';
import { chevron, kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';

/** What the patient answered: no priority, a priority reason, or an emergency. */
export type PriorityAnswer = 'none' | PriorityReason | 'emergency';

// The shapes are written with `svg`, not `html`: inside an `html` template they would be HTML elements named
// "path" and "circle", which draw nothing.
const icon = (path: SVGTemplateResult) =>
  html`<svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${path}</svg>`;

const ICONS: Record<PriorityAnswer, TemplateResult> = {
  none: icon(svg`<path d="m5 12 5 5L20 7" />`),
  elderly: icon(svg`<circle cx="12" cy="5" r="2" /><path d="M10 22v-6l-2-3 2-5h3l2 4h3M14 22l-1-6M19 12v10" />`),
  pregnant: icon(svg`<circle cx="11" cy="4" r="2" /><path d="M10 22v-5H9l-1-6 2-4h2a5 5 0 0 1 3 6l-2 1v8" />`),
  disability: icon(svg`<circle cx="12" cy="4" r="2" /><path d="M12 7v6h5l2 6M8 10a6 6 0 1 0 7 8" />`),
  emergency: icon(svg`<path d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />`),
};

/**
 * "Does any of these apply to you?": one tap answers it. Elderly, pregnant and disability give the ticket the
 * priority class; emergency (set apart in red) leads to the confirmation that alerts reception. Fires `priority-pick`.
 */
@customElement('mq-priority-choice')
export class MqPriorityChoice extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        gap: var(--k-gap);
      }
      .options {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
      }
      .option .icon {
        flex: none;
        width: clamp(2.5rem, 6vmin, 3.25rem);
        height: clamp(2.5rem, 6vmin, 3.25rem);
        padding: 0.45rem;
        border-radius: 50%;
        background: var(--mq-color-primary-soft);
        color: var(--mq-color-primary-strong);
      }
      .option.emergency {
        border-color: var(--mq-color-danger);
        background: var(--mq-color-danger-soft);
      }
      .emergency .title,
      .emergency .chevron {
        color: var(--mq-color-danger);
      }
      .option.emergency .icon {
        background: var(--mq-color-danger);
        color: #fff;
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;

  render() {
    const t = this.locale.t.walkIn;
    const option = (answer: PriorityAnswer, title: string, hint = '') => html`<button
      class="option ${answer === 'emergency' ? 'emergency' : ''}"
      data-answer=${answer}
      @click=${() => this.dispatchEvent(new CustomEvent('priority-pick', { detail: answer, bubbles: true, composed: true }))}
    >
      ${ICONS[answer]}
      <span class="main"><span class="title">${title}</span>${hint ? html`<span class="hint">${hint}</span>` : ''}</span>
      ${chevron}
    </button>`;
    return html`
      <div class="options">
        ${option('none', t.none)} ${option('elderly', t.elderly)} ${option('pregnant', t.pregnant)} ${option('disability', t.disability)}
      </div>
      ${option('emergency', t.emergency, t.emergencyHint)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-priority-choice': MqPriorityChoice;
  }
  interface GlobalEventHandlersEventMap {
    'priority-pick': CustomEvent<PriorityAnswer>;
  }
}
