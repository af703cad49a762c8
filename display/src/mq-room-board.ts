import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RoomView } from './board';
import { localRoom, type DisplayTexts } from './i18n';
import { panelStyles } from './panel-styles';

/**
 * The rooms board: every room of the shown departments and the token it is serving now (highlighted while called
 * and not yet in the room), or "Free". Rows share the panel's height; with many rooms they go into two columns and
 * the type shrinks to fit, rather than rooms disappearing off the screen.
 */
@customElement('mq-room-board')
export class MqRoomBoard extends LitElement {
  static styles = [
    panelStyles,
    css`
      .rooms {
        flex: 1;
        display: grid;
        grid-template-columns: repeat(var(--cols), minmax(0, 1fr));
        grid-template-rows: repeat(var(--rows), minmax(0, 1fr));
        grid-auto-flow: column;
        gap: 1vmin 2vmin;
        padding: 1.5vmin 2.6vmin;
        container-type: size;
      }
      li {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 2vmin;
        min-height: 0;
        padding: 0 1.6vmin;
        border-radius: 1.2vmin;
        /* 7vmin, or less when there are more rows than fit at that size. */
        font-size: min(7vmin, calc(100cqh / var(--rows) * 0.75));
        line-height: 1.1;
      }
      li.called {
        background: var(--mq-color-primary-soft);
        box-shadow: inset 0.8vmin 0 0 var(--mq-color-primary);
      }
      .room {
        font-weight: 700;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .free {
        font-size: 0.7em;
      }
    `,
  ];

  @property({ attribute: false }) rooms: RoomView[] = [];
  @property({ attribute: false }) texts!: DisplayTexts;

  render() {
    const t = this.texts;
    // One column reads best; a second one only once rows would get too small for the room names to fit beside tokens.
    const cols = this.rooms.length > 8 ? 2 : 1;
    const rows = Math.max(3, Math.ceil(this.rooms.length / cols));
    return html`<section aria-labelledby="title">
      <h2 id="title">${t.rooms}</h2>
      ${this.rooms.length
        ? html`<ul class="rooms" style="--cols:${cols};--rows:${rows}">
            ${this.rooms.map(
              (r) => html`<li class=${r.called ? 'called' : ''}>
                <span class="room" dir="auto">${localRoom(t, r.room)}</span>
                ${r.token ? html`<span class="token">${r.token}</span>` : html`<span class="muted free">${t.free}</span>`}
              </li>`,
            )}
          </ul>`
        : html`<p class="none">${t.noneWaiting}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-room-board': MqRoomBoard;
  }
}
