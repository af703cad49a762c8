import { css } from 'lit';

/** The doctor console's layout (mq-doctor-console): the queue card, its buttons, the waiting list and figures. */
export const doctorConsoleStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 1rem;
    font-size: 1.4rem;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(26rem, 1.2fr);
    gap: 1.5rem;
    align-items: start;
  }
  section {
    padding: 1.5rem;
    border-radius: var(--mq-radius);
    background: var(--mq-color-surface);
    box-shadow: var(--mq-shadow);
  }
  .current {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 1.25rem;
    margin-bottom: 1rem;
  }
  .token {
    font-size: 2.2rem;
    font-weight: 700;
    color: var(--mq-color-primary-strong);
  }
  .who {
    font-size: 1.25rem;
    font-weight: 600;
  }
  .muted {
    color: var(--mq-color-text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
  }
  button {
    min-height: 2.8rem;
    padding: 0.55rem 1.1rem;
  }
  button:disabled {
    opacity: 0.45;
  }
  kbd {
    margin-inline-start: 0.2rem;
    padding: 0 0.35rem;
    border: 1px solid currentColor;
    border-radius: 4px;
    font: inherit;
    font-size: 0.8rem;
    opacity: 0.8;
  }
  .live:not(:empty) {
    margin: 1rem 0 0;
    padding: 0.75rem 1rem;
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-primary-soft);
  }
  .live.refused {
    background: var(--mq-color-danger-soft);
    color: var(--mq-color-danger);
    font-weight: 500;
  }
  dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.5rem 1rem;
    margin: 0;
  }
  dd {
    margin: 0;
    font-weight: 700;
    text-align: end;
  }
  mq-consultation-record {
    margin-top: 1.5rem;
  }
  /* With a record open, it takes the room and the waiting list keeps enough width for a name on one line. */
  .grid.with-record {
    grid-template-columns: minmax(0, 1.9fr) minmax(24rem, 1fr);
  }
  @media (max-width: 60rem) {
    .grid,
    .grid.with-record {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
