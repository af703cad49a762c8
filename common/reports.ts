/**
 * Shapes of the reports (GET /api/reports?from=&to=, JSON or CSV). Every figure is over the queue entries of the
 * clinic days from `from` to `to` (clinic time zone); minutes are rounded to one decimal.
 */

/** The figures of one group (the whole clinic, a department or a doctor). */
export interface ReportFigures {
  /** Arrivals: check-ins, not counting the new entries transfers create. */
  checkIns: number;
  /** Visits completed. */
  patientsSeen: number;
  /** Called and never came (queue no-shows still skipped) plus booked appointments marked as no-shows. */
  noShows: number;
  /** Check-in to first call, over entries that were called (transfers left out). */
  averageWaitMinutes: number | null;
  /** 90th percentile of the same waits (nearest rank). */
  p90WaitMinutes: number | null;
  /** Start of consultation (or the call, if never started) to completion, over completed visits. */
  averageConsultationMinutes: number | null;
  /** 24 counts: arrivals by hour of the day in the clinic's zone, index 0 = 00:00-00:59. */
  arrivalsByHour: number[];
}

/** One department's line. */
export interface DepartmentReport extends ReportFigures {
  id: number;
  name: string;
}

/** One doctor's line (entries the doctor was named on or called). */
export interface DoctorReport extends ReportFigures {
  id: number;
  name: string;
  departmentId: number;
}

/**
 * The wait estimate patients were shown at check-in against the wait that followed, for one clinic day and
 * department (check-ins with a recorded estimate that were called; transfers left out). Minutes to one decimal.
 */
export interface EstimateDayReport {
  day: string;
  departmentId: number;
  /** Check-ins counted. */
  count: number;
  meanEstimatedMinutes: number;
  meanRealMinutes: number;
  /** Mean absolute difference between estimate and real wait. */
  maeMinutes: number;
  /** Share (0-1) of real waits inside the range shown. */
  insideShare: number;
}

/** GET /api/reports?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv] */
export interface ReportResponse {
  from: string;
  to: string;
  timeZone: string;
  total: ReportFigures;
  departments: DepartmentReport[];
  doctors: DoctorReport[];
  /** Estimated against real wait, by day then department name. */
  estimates: EstimateDayReport[];
}
