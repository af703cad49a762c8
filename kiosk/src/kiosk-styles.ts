import { css, html } from 'lit';

/**
 * The kiosk's building blocks, shared by its screens: large touch targets (never under 64 px), strong contrast,
 * the theme's visible focus ring, and logical properties throughout so Arabic mirrors the whole layout.
 */
export const kioskStyles = css`
  :host {
    display: block;
    --k-gap: clamp(0.9rem, 2.2vmin, 1.5rem);
    --k-target: max(64px, 4.75rem);
  }
  h2 {
    margin: 0;
    font-size: clamp(1.9rem, 4.4vmin, 3rem);
    line-height: 1.15;
    letter-spacing: -0.01em;
  }
  .lead {
    margin: 0.35em 0 0;
    font-size: clamp(1.15rem, 2.5vmin, 1.55rem);
    color: var(--mq-color-text-muted);
  }
  button {
    font: inherit;
    color: inherit;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.6em;
    min-height: var(--k-target);
    min-width: var(--k-target);
    padding: 0.6em 1.6em;
    border: 3px solid var(--mq-color-primary);
    border-radius: 14px;
    background: var(--mq-color-surface);
    color: var(--mq-color-primary-strong);
    font-size: clamp(1.2rem, 2.6vmin, 1.6rem);
    font-weight: 700;
    cursor: pointer;
    transition: transform 100ms ease;
  }
  .btn.primary {
    background: var(--mq-color-primary);
    color: var(--mq-color-on-primary);
    box-shadow: var(--mq-shadow-raised);
  }
  .btn.danger {
    border-color: var(--mq-color-danger);
    background: var(--mq-color-danger);
    color: #fff;
  }
  .btn.quiet {
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .btn:active:not(:disabled),
  .option:active:not(:disabled) {
    transform: scale(0.98);
  }
  .btn:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .btn svg,
  .option svg {
    flex: none;
    width: 1.3em;
    height: 1.3em;
  }
  .options {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: var(--k-gap);
  }
  .option {
    display: flex;
    align-items: center;
    gap: 1rem;
    min-height: max(64px, 6.5rem);
    padding: 1rem 1.4rem;
    border: 3px solid var(--mq-color-border);
    border-radius: var(--mq-radius);
    background: var(--mq-color-surface);
    box-shadow: var(--mq-shadow);
    text-align: start;
    cursor: pointer;
    transition: transform 100ms ease, border-color 100ms ease;
  }
  .option:hover:not(:disabled) {
    border-color: var(--mq-color-primary);
  }
  .option:disabled {
    cursor: default;
    box-shadow: none;
    background: var(--mq-color-surface-alt);
    color: var(--mq-color-text-muted);
  }
  .option .main {
    flex: 1;
    min-width: 0;
  }
  .option .title {
    display: block;
    font-size: clamp(1.3rem, 3vmin, 1.85rem);
    font-weight: 700;
    line-height: 1.2;
    color: var(--mq-color-text);
  }
  .option:disabled .title {
    color: var(--mq-color-text-muted);
  }
  .option .hint {
    display: block;
    margin-top: 0.25em;
    font-size: clamp(1rem, 2.1vmin, 1.3rem);
    color: var(--mq-color-text-muted);
  }
  .pills {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.6rem;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.3em 0.8em;
    border-radius: 999px;
    background: var(--mq-color-primary-soft);
    color: var(--mq-color-primary-strong);
    font-size: clamp(0.95rem, 2vmin, 1.2rem);
    font-weight: 600;
  }
  .pill.closed {
    background: var(--mq-color-warning-soft);
    color: var(--mq-color-warning);
  }
  .chevron {
    flex: none;
    width: 2rem;
    height: 2rem;
    color: var(--mq-color-primary);
  }
  .chevron:dir(rtl),
  .flip:dir(rtl) {
    transform: scaleX(-1);
  }
  .message {
    margin: 0;
    padding: 1rem 1.25rem;
    border-radius: var(--mq-radius-sm);
    font-size: clamp(1.1rem, 2.4vmin, 1.45rem);
    font-weight: 600;
    background: var(--mq-color-warning-soft);
    color: var(--mq-color-warning);
    border: 2px solid color-mix(in srgb, var(--mq-color-warning) 30%, transparent);
  }
  .message.error {
    background: var(--mq-color-danger-soft);
    color: var(--mq-color-danger);
    border-color: color-mix(in srgb, var(--mq-color-danger) 30%, transparent);
  }
  .ltr {
    direction: ltr;
    unicode-bidi: isolate;
  }
  /* The label above a typed value (booking code, phone, name). */
  .field-label {
    font-size: clamp(1rem, 2.1vmin, 1.3rem);
    font-weight: 600;
    color: var(--mq-color-text-muted);
  }
  /* Label / value lists on the appointment card and the ticket. */
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.75rem 1.5rem;
    margin: 0;
    font-size: clamp(1.2rem, 2.8vmin, 1.75rem);
  }
  dt {
    color: var(--mq-color-text-muted);
  }
  dd {
    margin: 0;
    font-weight: 700;
  }
  /* A tall portrait touch screen (1080 x 1920): one column of choices, each taller and written larger, so a
     screen uses its height and the targets sit where a standing patient's hand is. Shorter portrait screens
     (768 x 1024 tablets) keep the ordinary sizes. */
  @media (orientation: portrait) and (min-height: 1400px) {
    :host {
      --k-gap: 1.75rem;
      --k-target: 6.5rem;
    }
    h2 {
      font-size: 3.5rem;
    }
    .lead {
      font-size: 1.9rem;
    }
    .btn {
      font-size: 2rem;
    }
    .options {
      grid-template-columns: minmax(0, 1fr);
    }
    .option {
      min-height: 10rem;
      gap: 1.5rem;
      padding: 1.5rem 2rem;
    }
    .option .title {
      font-size: 2.6rem;
    }
    .option .hint,
    .pill {
      font-size: 1.6rem;
    }
    .option svg,
    .btn svg {
      width: 1.6em;
      height: 1.6em;
    }
    .message,
    .field-label {
      font-size: 1.7rem;
    }
    dl {
      font-size: 2.1rem;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .btn,
    .option {
      transition: none;
    }
  }
`;

/** The arrow on a choice; mirrored in right-to-left languages. */
export const chevron = html`<svg class="chevron" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m9 5 7 7-7 7" /></svg>`;

/** The "back" arrow; mirrored in right-to-left languages. */
export const backArrow = html`<svg class="flip" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M19 12H5m6-6-6 6 6 6" /></svg>`;
