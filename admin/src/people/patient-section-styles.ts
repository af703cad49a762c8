import { css } from 'lit';

/**
 * The look of the sections under a patient's form on the patient's page (reported changes, family, visits): a block
 * with a small heading and muted notes, so the page reads as one.
 */
export const patientSectionStyles = css`
  :host {
    display: block;
    margin-top: 1.5rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  .muted {
    color: var(--mq-color-text-muted);
    font-weight: 400;
  }
`;

/** A list of people, one a row: the name and details on the left, a button on the right (search results, family). */
export const personRowStyles = css`
  ul {
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    padding: 0.55rem 0;
    border-bottom: 1px solid var(--mq-color-border);
  }
`;
