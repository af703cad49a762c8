import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { NextView } from './board';
import type { DisplayTexts } from './i18n';
import { panelStyles } from './panel-styles';

/** The next few waiting tokens of each shown department, in calling order, with how many are waiting in all. */
@customElement('mq-next-tokens')
export class MqNextTokens extends LitElement {
  static styles = [
    panelStyles,
    css`
      .departments {
        flex: 1;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        grid-auto-rows: minmax(0, 1fr);
        gap: 1vmin;
        padding: 1.5vmin 2.6vmin;
        container-type: size;
      }
      /* Narrow panel (portrait): the department's name above its tokens. */
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        align-content: center;
        min-width: 0;
        min-height: 0;
        gap: 0.6vmin 2vmin;
        font-size: min(6vmin, calc(100cqh / var(--rows) * 0.5));
      }
      /* Wide panel (landscape): the name beside them, so more departments fit at full size. */
      @container (min-width: 60vmin) {
        li {
          grid-template-columns: minmax(0, 28%) minmax(0, 1fr);
          align-items: center;
          font-size: min(6vmin, calc(100cqh / var(--rows) * 0.7));
        }
      }
      .label {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 2vmin;
        min-width: 0;
        font-size: 2.8vmin;
        color: var(--mq-color-text-muted);
      }
      .label span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .label span:first-child {
        font-weight: 700;
      }
      /* One line of whole tokens: those that do not fit wrap onto a second line, which is cut off. */
      .tokens {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.4em;
        height: 1.3em;
        overflow: hidden;
      }
      .tokens .token {
        padding: 0.05em 0.3em;
        border-radius: 0.2em;
        background: var(--mq-color-surface-alt);
      }
    `,
  ];

  @property({ attribute: false }) next: NextView[] = [];
  @property({ attribute: false }) texts!: DisplayTexts;

  render() {
    const t = this.texts;
    return html`<section aria-labelledby="title">
      <h2 id="title">${t.next}</h2>
      <ul class="departments" style="--rows:${Math.max(2, this.next.length)}">
        ${this.next.map(
          (d) => html`<li>
            <div class="label"><span dir="auto">${d.label}</span><span>${d.waiting ? t.waiting(d.waiting) : t.noneWaiting}</span></div>
            <div class="tokens">${d.tokens.map((token) => html`<span class="token">${token}</span>`)}</div>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-next-tokens': MqNextTokens;
  }
}
