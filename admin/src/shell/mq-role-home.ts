import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffUser } from '../../../common/api';
import { baseStyles } from '../../../common/web/shared-styles';
import './mq-staff-nav';
import { sectionFromHash, sectionsFor, type Section } from './sections';
import { clinicHour } from '../shared/clinic-format';

/**
 * The staff panel's main area after sign-in: the sections the user's role may open (see `sections.ts`) in a
 * navigation list, and the open one, chosen by the address's hash (`/admin#/desk`). A section's code is loaded on
 * its first visit; until then a loading line shows, and a failed load offers to try again.
 *
 * Reflects the open section's id as `section`, for tests and styles.
 */
@customElement('mq-role-home')
export class MqRoleHome extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 96rem;
        margin: 0 auto;
        padding: 2rem 1.75rem;
      }
      h1 {
        margin: 0 0 0.3rem;
        font-size: 1.8rem;
        letter-spacing: -0.01em;
      }
      .sub {
        margin: 0 0 1.5rem;
        color: var(--mq-color-text-muted);
        font-size: 1.05rem;
      }
      .layout {
        display: grid;
        grid-template-columns: 15rem minmax(0, 1fr);
        gap: 1.75rem;
        align-items: start;
      }
      .layout.single {
        grid-template-columns: minmax(0, 1fr);
      }
      mq-staff-nav {
        position: sticky;
        top: 1rem;
      }
      .status {
        padding: 2rem;
        color: var(--mq-color-text-muted);
      }
      .status[role='alert'] {
        color: var(--mq-color-danger);
      }
      .status button {
        margin-inline-start: 0.75rem;
        font: inherit;
        font-weight: 600;
      }
      @media (max-width: 60rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        mq-staff-nav {
          position: static;
        }
      }
    `,
  ];

  /** The signed-in staff member. */
  @property({ attribute: false }) user!: StaffUser;
  /** The clinic's name, for the browser tab's title ("Appointments · Staff panel · Riverside Clinic"). */
  @property({ attribute: false }) clinicName = '';

  @state() private hash = location.hash;
  /** Ids of sections whose code has arrived. */
  @state() private loaded = new Set<string>();
  @state() private loadFailed = '';
  /** Ids of sections whose code is on its way, so a re-render does not ask twice. */
  private readonly loading = new Set<string>();

  private readonly onHashChange = () => (this.hash = location.hash);

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected willUpdate(): void {
    const section = this.current();
    if (section && !this.loaded.has(section.id) && !this.loading.has(section.id) && this.loadFailed !== section.id) {
      void this.load(section);
    }
  }

  protected updated(): void {
    const section = this.current();
    if (section) this.setAttribute('section', section.id);
    else this.removeAttribute('section');
    document.title = [section?.label, 'Staff panel', this.clinicName].filter(Boolean).join(' · ');
  }

  render() {
    const sections = sectionsFor(this.user.role);
    const section = this.current();
    return html`
      <h1>${greeting()}, ${this.user.fullName}</h1>
      <p class="sub">${section ? section.hint : 'There is nothing here for your role yet.'}</p>
      <div class="layout ${sections.length > 1 ? '' : 'single'}">
        ${sections.length > 1 ? html`<mq-staff-nav .sections=${sections} current=${section?.id ?? ''}></mq-staff-nav>` : nothing}
        <div class="section">${section ? this.renderSection(section) : nothing}</div>
      </div>
    `;
  }

  private renderSection(section: Section) {
    if (this.loaded.has(section.id)) return section.render(this.user);
    if (this.loadFailed === section.id) {
      return html`<p class="status" role="alert">
        This screen could not be loaded. Check the connection.<button type="button" @click=${() => this.retry(section)}>Try again</button>
      </p>`;
    }
    return html`<p class="status" role="status">Loading ${section.label.toLowerCase()}…</p>`;
  }

  private current(): Section | undefined {
    return this.user ? sectionFromHash(this.hash, this.user.role) : undefined;
  }

  private async load(section: Section): Promise<void> {
    this.loading.add(section.id);
    try {
      await section.load();
      this.loaded = new Set(this.loaded).add(section.id);
    } catch {
      this.loadFailed = section.id;
    } finally {
      this.loading.delete(section.id);
    }
  }

  private retry(section: Section): void {
    this.loadFailed = '';
    void this.load(section);
  }
}

/** "Good morning" / "Good afternoon" / "Good evening" by the clinic's clock. */
function greeting(): string {
  const hour = clinicHour();
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-role-home': MqRoleHome;
  }
}
