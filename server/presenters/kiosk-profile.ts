import type { KioskProfileView, KioskSetup } from '../../common/kiosk-profile';
import type { KioskProfile } from '../models';
import { presentDepartment } from './display';

/** A kiosk profile with its departments (expects `departments` loaded), as the admin API shows it. */
export function presentKioskProfile(profile: KioskProfile): KioskProfileView {
  const departments = [...(profile.departments ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: profile.id,
    name: profile.name,
    departments: departments.map(presentDepartment),
    printing: profile.printing,
    language: profile.language,
    phoneCheckIn: profile.phoneCheckIn,
    lockZoom: profile.lockZoom,
    address: `/kiosk?kiosk=${profile.id}`,
  };
}

/** What the kiosk itself reads (public): the settings it follows, no timestamps, nothing about who set it up. */
export function presentKioskSetup(profile: KioskProfile): KioskSetup {
  return {
    id: profile.id,
    name: profile.name,
    departmentIds: (profile.departments ?? []).map((d) => d.id).sort((a, b) => a - b),
    printing: profile.printing,
    language: profile.language,
    lockZoom: profile.lockZoom,
  };
}
