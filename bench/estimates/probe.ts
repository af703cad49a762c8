import { forecast as realForecast, nextWorkingMoment, type ForecastInput } from '../../server/queue/rules/forecast';

/**
 * Stands in for rules/forecast.ts during a capture (hooks.mjs sends its imports here): remembers, for each waiting
 * entry, the first forecast input that held it (the one its check-in estimate came from), then forecasts as usual.
 */
export const firstInputs = new Map<number, ForecastInput>();

export { nextWorkingMoment };
export type * from '../../server/queue/rules/forecast';

/** The real forecast, after noting the entries seen for the first time. */
export function forecast(input: ForecastInput, newWalkIn?: { doctorId: number | null }): ReturnType<typeof realForecast> {
  if (!newWalkIn) {
    for (const item of input.line) {
      const id = (item as { id?: number }).id;
      if (id !== undefined && !firstInputs.has(id)) firstInputs.set(id, input);
    }
  }
  return realForecast(input, newWalkIn);
}
