import type { DoctorProfileView } from '../../../common/admin';
import type { DepartmentSummary } from '../../../common/api';
import { apiGet } from '../../../common/web/api';

/** The clinic's departments and doctors, as the screens that send patients somewhere list them. */
export interface Directory {
  departments: DepartmentSummary[];
  doctors: DoctorProfileView[];
}

/** Reads every department and doctor at once (GET /api/departments and /api/doctors); rejects with an ApiError. */
export async function loadDirectory(): Promise<Directory> {
  const [{ departments }, { doctors }] = await Promise.all([
    apiGet<{ departments: DepartmentSummary[] }>('/api/departments'),
    apiGet<{ doctors: DoctorProfileView[] }>('/api/doctors'),
  ]);
  return { departments, doctors };
}
