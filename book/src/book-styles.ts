import { css } from 'lit';

/**
 * The public booking page's look: one column sized for a phone, growing to a readable width on a computer; large
 * targets; the theme's colours.
 */
export const bookStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    padding: 1.25rem 0.75rem 3rem;
    background: var(--mq-color-bg);
  }
  main {
    display: grid;
    /* minmax(0, 1fr): a long doctor's name in a drop-down must not make the page wider than a phone. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    max-width: 40rem;
    margin: 0 auto;
  }
  header .clinic {
    margin: 0;
    color: var(--mq-color-primary);
    font-weight: 700;
  }
  h1 {
    margin: 0.2rem 0 0.25rem;
    font-size: clamp(1.6rem, 5vw, 2.1rem);
  }
  h2 {
    margin: 0 0 1rem;
    font-size: 1.2rem;
  }
  .card {
    padding: 1.25rem;
    border-radius: var(--mq-radius);
    background: var(--mq-color-surface);
    box-shadow: var(--mq-shadow);
  }
  .notice {
    border-inline-start: 6px solid var(--mq-color-warning);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    margin-bottom: 1rem;
  }
  label {
    font-weight: 600;
  }
  label.check {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
    margin-bottom: 1rem;
    font-weight: 400;
  }
  label.check input {
    width: 1.5rem;
    min-height: 1.5rem;
    flex: none;
  }
  .hint {
    color: var(--mq-color-text-muted);
    font-size: 0.9rem;
  }
  input,
  select {
    width: 100%;
    max-width: 100%;
    min-width: 0;
    min-height: 3rem;
    padding: 0.5rem 0.75rem;
    border: 1.5px solid var(--mq-color-border);
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-surface);
    color: var(--mq-color-text);
    font: inherit;
    font-size: 1.05rem;
  }
  [aria-invalid='true'] {
    border-color: var(--mq-color-danger);
  }
  .field-error,
  .error {
    color: var(--mq-color-danger);
  }
  p.error {
    padding: 0.7rem 1rem;
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-danger-soft);
    font-weight: 500;
  }
  .status {
    color: var(--mq-color-text-muted);
  }
  .chosen {
    padding: 0.8rem 1rem;
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-primary-soft);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
  }
  button,
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 3rem;
    padding: 0.5rem 1.2rem;
    border: 1.5px solid var(--mq-color-border);
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-surface);
    color: var(--mq-color-text);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .primary {
    border-color: var(--mq-color-primary);
    background: var(--mq-color-primary);
    color: var(--mq-color-on-primary);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .more {
    margin-top: 1rem;
  }
  .days {
    min-width: 0;
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }
  .days legend {
    margin-bottom: 0.4rem;
    padding: 0;
    font-weight: 600;
  }
  .times-on {
    margin: 0 0 0.6rem;
    font-size: 1.05rem;
  }
  .done {
    text-align: center;
  }
  .done .buttons {
    justify-content: center;
  }
  .when {
    margin: 0;
    font-size: 1.3rem;
    font-weight: 700;
  }
  .code {
    margin: 0.25rem 0 0.75rem;
    color: var(--mq-color-primary-strong);
    font: 700 clamp(2.2rem, 10vw, 3rem) / 1.1 ui-monospace, 'DejaVu Sans Mono', monospace;
    letter-spacing: 0.14em;
  }
`;
