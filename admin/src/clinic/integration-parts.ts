import { css, html } from 'lit';

/** What the integration sections (API tokens, webhooks) share: a sideways-scrolling table and a one-time secret. */
export const integrationStyles = css`
  .table {
    overflow-x: auto;
  }
  .secret {
    font-family: ui-monospace, monospace;
    word-break: break-all;
    user-select: all;
    padding: 0.5rem;
    border: 1px solid var(--mq-color-border);
    border-radius: 4px;
  }
`;

/** A secret shown once, right after it was made, with what it is; `testId` names it for tests. */
export function secretShownOnce(message: string, secret: string, testId: string) {
  return html`<div role="status">
    <p class="ok">${message}</p>
    <p class="secret" data-testid=${testId}>${secret}</p>
  </div>`;
}
