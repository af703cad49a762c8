import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../../common/web/shared-styles';
import type { Section } from './sections';

/**
 * The staff panel's section list: plain links to `#/<id>`, so the browser's back button, bookmarks and "open in a
 * new tab" all work, with the current one marked for screen readers (`aria-current="page"`).
 */
@customElement('mq-staff-nav')
export class MqStaffNav extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      a {
        display: block;
        padding: 0.65rem 0.9rem;
        border-radius: var(--mq-radius-sm);
        color: var(--mq-color-text);
        text-decoration: none;
      }
      a:hover {
        background: var(--mq-color-primary-soft);
      }
      a[aria-current='page'] {
        background: var(--mq-color-primary);
        color: var(--mq-color-on-primary);
      }
      .label {
        display: block;
        font-weight: 600;
      }
      /* Full colour: faded with opacity it failed WCAG contrast on every section (issue 19). */
      .hint {
        display: block;
        font-size: 0.85rem;
        font-weight: 400;
      }
      @media (max-width: 60rem) {
        ul {
          flex-direction: row;
          flex-wrap: wrap;
        }
        a {
          white-space: nowrap;
        }
        .hint {
          display: none;
        }
      }
    `,
  ];

  /** The sections to list. */
  @property({ attribute: false }) sections: Section[] = [];
  /** The id of the open section. */
  @property() current = '';

  render() {
    return html`<nav aria-label="Staff panel sections">
      <ul>
        ${this.sections.map(
          (section) => html`<li>
            <a href="#/${section.id}" aria-current=${section.id === this.current ? 'page' : 'false'}>
              <span class="label">${section.label}</span><span class="hint">${section.hint}</span>
            </a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-staff-nav': MqStaffNav;
  }
}
