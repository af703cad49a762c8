import { css } from 'lit';

/**
 * The look shared by the display's four panels: a rounded surface with an upper-case heading, tokens in bold
 * tabular figures kept left-to-right inside Arabic text, and a muted "nothing here yet" line. Sizes are in viewport
 * units so 1080p and 4K show the same picture; tokens and rooms are never smaller than the board's base size.
 */
export const panelStyles = css`
  :host {
    display: flex;
    min-width: 0;
    min-height: 0;
    box-sizing: border-box;
    font-family: var(--mq-font);
    color: var(--mq-color-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  section {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
    border-radius: 2vmin;
    background: var(--mq-color-surface);
    box-shadow: var(--mq-shadow);
    overflow: hidden;
  }
  h2 {
    margin: 0;
    padding: 1.3vmin 2.6vmin;
    font-size: 3.4vmin;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    background: var(--mq-color-surface-alt);
    color: var(--mq-color-text-muted);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .token {
    direction: ltr;
    unicode-bidi: isolate;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
    white-space: nowrap;
  }
  .muted {
    color: var(--mq-color-text-muted);
    font-weight: 500;
  }
  .none {
    margin: auto;
    padding: 3vmin;
    font-size: 3.2vmin;
    text-align: center;
    color: var(--mq-color-text-muted);
  }
`;
