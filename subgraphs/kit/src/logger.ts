import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs, one logger per process, named for the process. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { service: name } });
}
