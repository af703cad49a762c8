import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DepartmentSummary } from '../../../common/api';
import { baseStyles } from '../../../common/web/shared-styles';

/**
 * A fieldset of department checkboxes for a device profile; none ticked means every active department, which the
 * hint says. Fires `departments-change` with the ids ticked.
 */
@customElement('mq-department-checkboxes')
export class MqDepartmentCheckboxes extends LitElement {
  static styles = [
    baseStyles,
    css`
      fieldset {
        margin: 0;
        padding: 0.75rem 1rem;
        border: 1.5px solid var(--mq-color-border);
        border-radius: var(--mq-radius-sm);
      }
      legend {
        padding: 0 0.3rem;
        font-weight: 600;
      }
      .boxes {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
        gap: 0.4rem 1rem;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 2rem;
      }
      input {
        width: 1.15rem;
        height: 1.15rem;
      }
      .hint,
      .inactive {
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
      .hint {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  /** The legend, e.g. "Departments shown". */
  @property() legend = 'Departments';
  /** Said when nothing is ticked. */
  @property() hint = 'Tick none for every department.';
  @property({ attribute: false }) departments: DepartmentSummary[] = [];
  @property({ attribute: false }) selected: readonly number[] = [];

  render() {
    return html`<fieldset>
      <legend>${this.legend}</legend>
      <p class="hint">${this.hint}</p>
      <div class="boxes">
        ${this.departments.map(
          (d) => html`<label>
            <input type="checkbox" .checked=${this.selected.includes(d.id)} @change=${(e: Event) => this.toggle(d.id, (e.target as HTMLInputElement).checked)} />
            ${d.name} (${d.prefix})${d.active ? '' : html` <span class="inactive">inactive</span>`}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private toggle(id: number, on: boolean): void {
    this.selected = on ? [...this.selected, id] : this.selected.filter((x) => x !== id);
    this.dispatchEvent(new CustomEvent('departments-change', { detail: this.selected, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-department-checkboxes': MqDepartmentCheckboxes;
  }
}
