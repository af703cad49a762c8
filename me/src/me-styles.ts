import { css } from 'lit';

/** What the dashboard adds to the booking page's look (book/src/book-styles.ts): tabs, lists of visits, small print. */
export const meStyles = css`
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  nav button[aria-current='page'] {
    border-color: var(--mq-color-primary);
    background: var(--mq-color-primary-soft);
  }
  ul.plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.plain > li + li {
    margin-top: 0.9rem;
    padding-top: 0.9rem;
    border-top: 1px solid var(--mq-color-border);
  }
  h3 {
    margin: 0 0 0.3rem;
    font-size: 1.05rem;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(0, auto) minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    margin: 0.5rem 0;
  }
  dt {
    color: var(--mq-color-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .reported {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--mq-color-warning);
    background: var(--mq-color-bg);
  }
  .reported.confirmed {
    border-inline-start-color: var(--mq-color-success);
  }
  .reported.dismissed {
    border-inline-start-color: var(--mq-color-danger);
  }
  .ticket {
    border-inline-start: 6px solid var(--mq-color-primary);
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem;
  }
  textarea {
    width: 100%;
    min-height: 5rem;
    padding: 0.5rem 0.75rem;
    border: 1.5px solid var(--mq-color-border);
    border-radius: var(--mq-radius-sm);
    font: inherit;
  }
`;

/**
 * For the dashboard's sections, which borrow the booking page's look: the page's own frame (padding, full height,
 * background) belongs to the page element only, not to each section inside it.
 */
export const sectionStyles = css`
  :host {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    min-height: 0;
    padding: 0;
    background: none;
  }
`;
