import { pino, type Logger } from 'pino';

export type { Logger };

/** The process logger: JSON lines on stdout, one per event, with stacks for errors. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined });
}
