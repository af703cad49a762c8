import { html, type TemplateResult } from 'lit';
import type { Role, StaffUser } from '../../../common/api';

/**
 * One screen of the staff panel: its address (`#/<id>`), its name in the navigation, who may open it, the module
 * that defines its element (loaded on first visit, so a doctor's browser never downloads the report charts) and how
 * to render it.
 */
export interface Section {
  id: string;
  label: string;
  /** Shown under the label in the navigation, in a few words. */
  hint: string;
  roles: readonly Role[];
  load: () => Promise<unknown>;
  render: (user: StaffUser) => TemplateResult;
}

/**
 * Every section, in navigation order. A role's first section is its home. The server decides what each role may
 * read and change; this list only spares people screens they cannot use.
 */
export const SECTIONS: readonly Section[] = [
  {
    id: 'console',
    label: 'My queue',
    hint: 'Call, see and sign off patients',
    roles: ['doctor'],
    load: () => import('../doctor/mq-doctor-console'),
    render: (user) => html`<mq-doctor-console .user=${user}></mq-doctor-console>`,
  },

  {
    id: 'desk',
    label: 'Reception desk',
    hint: "Today's arrivals and check-in",
    roles: ['reception', 'admin'],
    load: () => import('../desk/mq-reception-desk'),
    render: (user) => html`<mq-reception-desk .user=${user}></mq-reception-desk>`,
  },

  {
    id: 'appointments',
    label: 'Appointments',
    hint: 'Book, move and cancel',
    roles: ['reception', 'admin'],
    load: () => import('../scheduling/mq-appointments'),
    render: () => html`<mq-appointments></mq-appointments>`,
  },

  {
    id: 'patients',
    label: 'Patients',
    hint: 'Find and register patients',
    roles: ['reception', 'admin'],
    load: () => import('../people/mq-patients'),
    render: () => html`<mq-patients></mq-patients>`,
  },

  {
    id: 'schedules',
    label: 'Schedules',
    hint: "Doctors' weeks and slots",
    roles: ['admin'],
    load: () => import('../scheduling/mq-schedules'),
    render: () => html`<mq-schedules></mq-schedules>`,
  },

  {
    id: 'staff',
    label: 'Staff',
    hint: 'Accounts and roles',
    roles: ['admin'],
    load: () => import('../people/mq-staff-accounts'),
    render: (user) => html`<mq-staff-accounts .user=${user}></mq-staff-accounts>`,
  },

  {
    id: 'doctors',
    label: 'Doctors',
    hint: 'Profiles, rooms, departments',
    roles: ['admin'],
    load: () => import('../people/mq-doctor-profiles'),
    render: () => html`<mq-doctor-profiles></mq-doctor-profiles>`,
  },

  {
    id: 'medicines',
    label: 'Medicines',
    hint: 'The formulary doctors prescribe from',
    roles: ['admin'],
    load: () => import('../clinic/mq-formulary'),
    render: () => html`<mq-formulary></mq-formulary>`,
  },

  {
    id: 'integrations',
    label: 'Integrations',
    hint: 'FHIR API tokens and webhooks',
    roles: ['admin'],
    load: () => Promise.all([import('../clinic/mq-api-tokens'), import('../clinic/mq-webhooks')]),
    render: () => html`<mq-api-tokens></mq-api-tokens><mq-webhooks></mq-webhooks>`,
  },

  {
    id: 'departments',
    label: 'Departments',
    hint: 'Names and ticket prefixes',
    roles: ['admin'],
    load: () => import('../clinic/mq-departments'),
    render: () => html`<mq-departments></mq-departments>`,
  },

  {
    id: 'devices',
    label: 'Displays and kiosks',
    hint: 'Screens in the clinic',
    roles: ['admin'],
    load: () => import('../devices/mq-devices'),
    render: () => html`<mq-devices></mq-devices>`,
  },

  {
    id: 'reports',
    label: 'Reports',
    hint: 'Waits, visits, no-shows',
    roles: ['admin'],
    load: () => import('../reports/mq-reports'),
    render: () => html`<mq-reports></mq-reports>`,
  },

  {
    id: 'audit',
    label: 'Audit log',
    hint: 'Who read and changed what',
    roles: ['admin'],
    load: () => import('../reports/mq-audit-log'),
    render: () => html`<mq-audit-log></mq-audit-log>`,
  },

  {
    id: 'settings',
    label: 'Clinic settings',
    hint: 'Name, hours, languages',
    roles: ['admin'],
    load: () => import('../clinic/mq-clinic-settings'),
    render: () => html`<mq-clinic-settings></mq-clinic-settings>`,
  },
];

/** The sections `role` may open, in navigation order. */
export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((section) => section.roles.includes(role));
}

/** The section named by the address's hash (`#/desk`), or the role's home when the hash names none it may open. */
export function sectionFromHash(hash: string, role: Role): Section | undefined {
  const mine = sectionsFor(role);
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return mine.find((section) => section.id === id) ?? mine[0];
}
