import { css } from 'lit';

/** The consultation record's own look (mq-consultation-record): header, vitals grid, fields, problems, footer. */
export const recordStyles = css`
  :host {
    display: block;
    padding: 1.5rem;
    border-radius: var(--mq-radius);
    background: var(--mq-color-surface);
    box-shadow: var(--mq-shadow);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 1rem;
    margin-bottom: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.4rem;
  }
  h3 {
    margin: 1.5rem 0 0.75rem;
    font-size: 1.1rem;
  }
  .saved {
    margin-inline-start: auto;
    color: var(--mq-color-text-muted);
    font-weight: 600;
  }
  .saved.error {
    color: var(--mq-color-danger);
  }
  .signed {
    padding: 0.2rem 0.6rem;
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-success-soft);
    color: var(--mq-color-success);
    font-weight: 700;
  }
  .vitals {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0.9rem;
  }
  label,
  .label {
    display: block;
    margin-bottom: 0.3rem;
    font-weight: 600;
    font-size: 0.95rem;
  }
  .unit {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  input,
  textarea {
    width: 100%;
    min-height: 2.6rem;
    padding: 0.45rem 0.7rem;
    border: 1.5px solid var(--mq-color-border);
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-surface);
    color: inherit;
    font: inherit;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--mq-color-danger);
  }
  input:read-only,
  textarea:read-only {
    background: var(--mq-color-surface-alt);
  }
  .hint {
    margin: 0.25rem 0 0;
    font-size: 0.85rem;
    color: var(--mq-color-text-muted);
  }
  .hint.bad {
    color: var(--mq-color-danger);
  }
  .flags {
    margin: 0.75rem 0 0;
    padding: 0.6rem 1rem;
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-warning-soft);
    color: var(--mq-color-warning);
  }
  .fields {
    display: grid;
    gap: 0.9rem;
  }
  .icd-results {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin-top: 0.4rem;
  }
  .problem {
    padding: 0.75rem 1rem;
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-danger-soft);
    color: var(--mq-color-danger);
    font-weight: 500;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-top: 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-warning-soft);
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.75rem;
    margin-top: 1.5rem;
  }
  footer .note {
    margin: 0 auto 0 0;
    color: var(--mq-color-text-muted);
  }
  .signoff-problem {
    flex-basis: 100%;
    margin: 0;
    text-align: end;
    color: var(--mq-color-danger);
    font-weight: 600;
  }
`;
