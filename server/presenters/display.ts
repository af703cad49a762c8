import type { DepartmentSummary } from '../../common/api';
import type { DisplayProfileView } from '../../common/display';
import type { Department, DisplayProfile } from '../models';

/** A department as every screen may see it. */
export function presentDepartment(department: Department): DepartmentSummary {
  return { id: department.id, name: department.name, prefix: department.prefix, active: department.active };
}

/** A display profile with its departments (expects `departments` loaded), as the admin API and the display see it. */
export function presentDisplayProfile(profile: DisplayProfile): DisplayProfileView {
  const departments = [...(profile.departments ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: profile.id,
    name: profile.name,
    slug: profile.slug,
    departments: departments.map(presentDepartment),
    language: profile.language,
    voice: profile.voice,
    theme: profile.theme,
    checkInKioskId: profile.checkInKioskId ?? null,
    address: `/display?profile=${encodeURIComponent(profile.slug)}`,
  };
}
