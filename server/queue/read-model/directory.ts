import { Op } from 'sequelize';
import { AvailabilityException, Department, DoctorAvailability, DoctorProfile, User } from '../../models';
import { clinicDay, isoWeekday } from '../../services/clinic-time';

/** A doctor as the queue sees them on one clinic day: the profile with its user, that day's hours and any leave. */
export interface DirectoryDoctor {
  doctor: DoctorProfile;
  /** That weekday's availability intervals ('HH:MM' local), earliest first. */
  hours: DoctorAvailability[];
  /** Leave (an availability exception) covers the day. */
  onLeave: boolean;
}

/** Departments and doctors for one clinic day, read in three queries and kept until a watched write. */
export interface Directory {
  clinicDay: string;
  /** Different for every load, so a view computed from an older directory is not taken for a current one. */
  generation: number;
  departments: Map<number, Department>;
  doctors: Map<number, DirectoryDoctor>;
}

/**
 * The departments and doctors every queue read needs, kept in memory: they change a few times a day (an admin's
 * edit), while queues change many times a minute. Reloaded on the first read after `invalidate()` (called for every
 * write to those tables, see watch.ts) or when the clinic day changes.
 */
export class DirectoryCache {
  private cached: Promise<Directory> | null = null;
  private day: string | null = null;
  private generation = 0;

  constructor(private readonly timeZone: string) {}

  /** The directory for the clinic day of `now`. */
  get(now: Date): Promise<Directory> {
    const day = clinicDay(now, this.timeZone);
    if (!this.cached || this.day !== day) {
      const generation = ++this.generation;
      const loading = loadDirectory(day);
      this.cached = loading;
      this.day = day;
      // A failed read is not kept; nor is one that an invalidation overtook (it may hold the old rows).
      loading.catch(() => {
        if (this.generation === generation) this.cached = null;
      });
    }
    return this.cached;
  }

  /** Forgets the directory; the next read loads it again. */
  invalidate(): void {
    this.generation++;
    this.cached = null;
  }
}

let loads = 0;

/** Reads the directory for `day` from the database. */
export async function loadDirectory(day: string): Promise<Directory> {
  const [departments, doctors, hours, leave] = await Promise.all([
    Department.findAll({ order: [['name', 'ASC']] }),
    DoctorProfile.findAll({ include: [{ model: User, as: 'user', attributes: { exclude: ['passwordHash'] } }], order: [['id', 'ASC']] }),
    DoctorAvailability.findAll({ where: { weekday: isoWeekday(day) }, order: [['startTime', 'ASC']] }),
    AvailabilityException.findAll({ attributes: ['doctorId'], where: { startDate: { [Op.lte]: day }, endDate: { [Op.gte]: day } } }),
  ]);
  const away = new Set(leave.map((e) => e.doctorId));
  return {
    clinicDay: day,
    generation: ++loads,
    departments: new Map(departments.map((d) => [d.id, d])),
    doctors: new Map(
      doctors.map((doctor) => [
        doctor.id,
        { doctor, hours: hours.filter((h) => h.doctorId === doctor.id), onLeave: away.has(doctor.id) },
      ]),
    ),
  };
}
