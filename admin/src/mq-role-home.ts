import { LitElement, css, html, svg, type SVGTemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Role, StaffUser } from '../../common/api';
import { baseStyles } from '../../common/web/shared-styles';
import './mq-doctor-console';

/** What each role's main area will hold, shown until those screens exist (issue 6). Doctors have their console. */
const PLACEHOLDERS: Record<Exclude<Role, 'doctor'>, { title: string; text: string; icon: SVGTemplateResult }> = {
  reception: {
    title: "Today's arrivals",
    text: "Today's arrivals and appointments will appear here, with check-in at the desk and alerts from the kiosk.",
    icon: svg`<rect x="7" y="9" width="34" height="32" rx="5" /><path d="M7 18h34M16 5v8M32 5v8M16 28h6M26 28h6" />`,
  },
  admin: {
    title: 'Clinic set-up',
    text: "Staff accounts, departments, doctors' schedules and the waiting-room displays will be managed here.",
    icon: svg`<circle cx="24" cy="24" r="6" /><path d="M24 5v6m0 26v6M5 24h6m26 0h6M10.6 10.6l4.2 4.2m18.4 18.4 4.2 4.2m0-26.8-4.2 4.2M14.8 33.2l-4.2 4.2" />`,
  },
};

/**
 * The staff panel's main area after sign-in, chosen by role: a greeting, then the doctor's console for doctors and,
 * for now, a note saying what will appear here for the other roles (the reception screen replaces it later).
 */
@customElement('mq-role-home')
export class MqRoleHome extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 90rem;
        margin: 0 auto;
        padding: 2.5rem 1.75rem;
      }
      h1 {
        margin: 0 0 0.3rem;
        font-size: 2rem;
        letter-spacing: -0.01em;
      }
      .sub {
        margin: 0 0 2rem;
        color: var(--mq-color-text-muted);
        font-size: 1.1rem;
      }
      .placeholder {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 1rem;
        min-height: 22rem;
        padding: 3rem 2rem;
        border: 2px dashed var(--mq-color-border);
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        text-align: center;
      }
      .placeholder svg {
        width: 4rem;
        height: 4rem;
        color: var(--mq-color-primary);
      }
      h2 {
        margin: 0;
        font-size: 1.4rem;
      }
      .placeholder p {
        max-width: 42ch;
        margin: 0;
        color: var(--mq-color-text-muted);
        font-size: 1.1rem;
        line-height: 1.5;
      }
    `,
  ];

  /** The signed-in staff member. */
  @property({ attribute: false }) user!: StaffUser;

  render() {
    const header = html`
      <h1>${greeting()}, ${this.user.fullName}</h1>
      <p class="sub">Here is your work for today.</p>
    `;
    if (this.user.role === 'doctor') return html`${header}<mq-doctor-console .user=${this.user}></mq-doctor-console>`;
    const placeholder = PLACEHOLDERS[this.user.role as Exclude<Role, 'doctor'>] ?? PLACEHOLDERS.reception;
    return html`
      ${header}
      <section class="placeholder" aria-labelledby="placeholder-title">
        <svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
          ${placeholder.icon}
        </svg>
        <h2 id="placeholder-title">${placeholder.title}</h2>
        <p>${placeholder.text}</p>
      </section>
    `;
  }
}

/** "Good morning" / "Good afternoon" / "Good evening" by the device's clock. */
function greeting(): string {
  const hour = new Date().getHours();
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-role-home': MqRoleHome;
  }
}
