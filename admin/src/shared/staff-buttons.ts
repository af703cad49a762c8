import { css } from 'lit';

/**
 * The staff panel's button look (plain, primary, disabled), shared by its elements so a change of style happens in
 * one place. Elements adjust size locally where they need to. A link that opens or downloads something (Print
 * ticket, Print prescription, Download CSV) looks like a button too: `<a class="button">`, or `button primary`.
 */
export const staffButtonStyles = css`
  button {
    min-height: 2.6rem;
    padding: 0.45rem 1rem;
    border: 1.5px solid var(--mq-color-border);
    border-radius: var(--mq-radius-sm);
    background: var(--mq-color-surface);
    color: var(--mq-color-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    border-color: var(--mq-color-primary);
    background: var(--mq-color-primary);
    color: var(--mq-color-on-primary);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 2.6rem;
    padding: 0.45rem 1rem;
    border: 1.5px solid var(--mq-color-primary);
    border-radius: var(--mq-radius-sm);
    color: var(--mq-color-primary-strong);
    font-weight: 600;
    text-decoration: none;
  }
  a.button.primary {
    background: var(--mq-color-primary);
    color: var(--mq-color-on-primary);
  }
`;
