import { css } from 'lit';

/** The look the display and kiosk profile forms share (on top of `panelStyles`). */
export const deviceFormStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 1rem;
    padding: 1.25rem;
    border: 1.5px solid var(--mq-color-primary);
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-surface-alt);
  }
  h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.6rem;
    font-weight: 600;
  }
  .check input {
    width: 1.15rem;
    height: 1.15rem;
  }
  .hint {
    color: var(--mq-color-text-muted);
    font-size: 0.9rem;
  }
  .actions {
    margin-top: 0;
  }
`;
