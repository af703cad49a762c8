import { css } from 'lit';

/**
 * The staff panel's shared look for its management screens: cards, data tables, form fields with their error
 * lines, status lines (loading, empty, saved, refused) and a toolbar. Include after `baseStyles` and
 * `staffButtonStyles`; screens add only what is their own.
 *
 * - `.card`: a white panel; `.card > h2` its title.
 * - `.toolbar`: a row of search boxes and buttons above a table.
 * - `table.data`: a list of records; `tr[aria-selected='true']` marks the open one.
 * - `.field` > `label` + `input|select|textarea` + `.field-error`; `.fields` lays fields out in a grid.
 * - `.status` (muted line, e.g. loading), `.empty` (nothing to show yet), `.ok` (saved), `.error` (refused, in words).
 * - `.hint` / `.muted`: secondary words beside a field or in a row; `.row-actions`: a table row's small buttons.
 */
export const panelStyles = css`
  .card {
    padding: 1.5rem;
    border-radius: var(--mq-radius);
    background: var(--mq-color-surface);
    box-shadow: var(--mq-shadow);
  }
  .card + .card {
    margin-top: 1.5rem;
  }
  .card > h2,
  .card > header h2 {
    margin: 0 0 1rem;
    font-size: 1.3rem;
  }
  .card > header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem;
    margin-bottom: 1rem;
  }
  .toolbar .grow {
    flex: 1 1 16rem;
  }
  table.data {
    width: 100%;
    border-collapse: collapse;
  }
  table.data th,
  table.data td {
    padding: 0.6rem 0.75rem;
    border-bottom: 1px solid var(--mq-color-border);
    text-align: start;
    vertical-align: top;
  }
  table.data th {
    color: var(--mq-color-text-muted);
    font-size: 0.85rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  table.data tbody tr:hover {
    background: var(--mq-color-surface-alt);
  }
  table.data tr[aria-selected='true'] {
    background: var(--mq-color-primary-soft);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 1rem 1.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  .field label,
  .field .label {
    font-weight: 600;
    font-size: 0.95rem;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    min-height: 2.6rem;
    padding: 0.45rem 0.7rem;
    border: 1.5px solid var(--mq-color-border);
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-surface);
    color: var(--mq-color-text);
    font: inherit;
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--mq-color-danger) !important;
  }
  .field-error {
    color: var(--mq-color-danger);
    font-size: 0.9rem;
  }
  .status {
    color: var(--mq-color-text-muted);
  }
  .empty {
    padding: 2rem 1rem;
    border: 2px dashed var(--mq-color-border);
    border-radius: var(--mq-radius-sm);
    color: var(--mq-color-text-muted);
    text-align: center;
  }
  .ok,
  .error {
    padding: 0.7rem 1rem;
    border-radius: var(--mq-radius-sm);
  }
  .ok {
    background: var(--mq-color-success-soft);
    color: var(--mq-color-success);
  }
  .error {
    background: var(--mq-color-danger-soft);
    color: var(--mq-color-danger);
    font-weight: 500;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    margin-top: 1.25rem;
  }
  button.danger {
    border-color: var(--mq-color-danger);
    color: var(--mq-color-danger);
  }
  .hint,
  .muted {
    color: var(--mq-color-text-muted);
    font-size: 0.9rem;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .row-actions button {
    min-height: 2.2rem;
    padding: 0.3rem 0.75rem;
    font-size: 0.9rem;
  }
`;
