import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CallView } from './board';
import { localRoom, type DisplayTexts } from './i18n';
import { panelStyles } from './panel-styles';

/** The last few calls before the one in "Now calling", newest first, so someone who missed theirs can still see it. */
@customElement('mq-recent-calls')
export class MqRecentCalls extends LitElement {
  static styles = [
    panelStyles,
    css`
      /* As many columns as fit, three rows; calls beyond them get no room and are not shown. */
      .calls {
        flex: 1;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(6.6em, 1fr));
        grid-template-rows: repeat(3, minmax(0, 1fr));
        grid-auto-rows: 0;
        gap: 0 0.6em;
        padding: 1.5vmin 2.6vmin;
        overflow: hidden;
        font-size: min(5.5vmin, 24cqh);
      }
      .wrap {
        flex: 1;
        display: flex;
        min-height: 0;
        container-type: size;
      }
      li {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.3em;
        min-width: 0;
        overflow: hidden;
      }
      .room {
        font-size: 0.75em;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
    `,
  ];

  /** Newest first; as many are shown as fit in three rows. */
  @property({ attribute: false }) calls: CallView[] = [];
  @property({ attribute: false }) texts!: DisplayTexts;

  render() {
    const t = this.texts;
    return html`<section aria-labelledby="title">
      <h2 id="title">${t.recent}</h2>
      ${this.calls.length
        ? html`<div class="wrap">
            <ul class="calls">
              ${this.calls.map(
                (c) => html`<li><span class="token">${c.token}</span><span class="room muted" dir="auto">${localRoom(t, c.room)}</span></li>`,
              )}
            </ul>
          </div>`
        : html`<p class="none">${t.noRecent}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-recent-calls': MqRecentCalls;
  }
}
