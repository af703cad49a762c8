import { css } from 'lit';

/**
 * Small style rules every screen repeats: the box model, the visible focus ring, and a class for text that
 * only screen readers should hear. Include it first in an element's `static styles` array.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--mq-font);
    color: var(--mq-color-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--mq-focus-ring);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
