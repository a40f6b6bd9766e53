import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * Structured JSON logs, one logger per process, named for the process. LOG_FORMAT=pretty (the
 * default on a terminal outside production) prints them for people instead.
 */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY && process.env.NODE_ENV !== 'production' ? 'pretty' : 'json');
  const options = { name, level, base: { service: name } };
  if (format === 'pretty') {
    return pino(options, pretty({ colorize: true, sync: true, ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss' }));
  }
  return pino(options);
}
