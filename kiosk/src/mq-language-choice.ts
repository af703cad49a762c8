import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../common/web/shared-styles';
import { fire } from './events';
import { LANGUAGES, textsFor, type KioskLanguage } from './i18n';
import { kioskStyles } from './kiosk-styles';

/**
 * The language buttons on the start screen, each named in its own language and script so a patient finds theirs
 * whatever the kiosk shows now. Fires `language-change`.
 */
@customElement('mq-language-choice')
export class MqLanguageChoice extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      .languages {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
      }
      .label {
        margin-inline-end: 0.5rem;
        font-size: clamp(1.05rem, 2.2vmin, 1.35rem);
        font-weight: 600;
        color: var(--mq-color-text-muted);
      }
      .btn {
        min-width: 9rem;
        padding-inline: 1.3em;
        border-width: 2px;
        border-color: var(--mq-color-border);
        color: var(--mq-color-text);
        font-weight: 600;
      }
      .btn[aria-pressed='true'] {
        border-color: var(--mq-color-primary);
        background: var(--mq-color-primary-soft);
        color: var(--mq-color-primary-strong);
        font-weight: 800;
      }
    `,
  ];

  @property() language: KioskLanguage = 'en';
  /** "Language", in the current language. */
  @property() label = 'Language';

  render() {
    return html`<div class="languages" role="group" aria-label=${this.label}>
      <span class="label" aria-hidden="true">${this.label}</span>
      ${LANGUAGES.map(
        (language) => html`<button
          class="btn"
          lang=${language}
          dir=${textsFor(language).dir}
          aria-pressed=${language === this.language ? 'true' : 'false'}
          @click=${() => fire(this, 'language-change', language)}
        >${textsFor(language).languageName}</button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-language-choice': MqLanguageChoice;
  }
}
