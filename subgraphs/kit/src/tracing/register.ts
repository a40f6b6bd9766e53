/**
 * Loaded with `node --require …/tracing/register.js` before a process's own code, so that the
 * http, fetch (undici) and pg modules are instrumented before anything loads them. Does nothing
 * unless an OTLP endpoint is configured: tracing is off by default.
 *
 * It also turns on Node's compile cache first (`../compile-cache`: the installation's own folder,
 * never Node's default in the shared temp dir), as every entry point does: once a process has
 * turned it on, a second call cannot move it.
 */
import '../compile-cache';
import { basename, dirname } from 'node:path';

const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
if (endpoint && process.env.OTEL_SDK_DISABLED !== 'true') {
  // the process's name: set by the launcher, else the package folder of the entry point
  const serviceName = process.env.OTEL_SERVICE_NAME ?? `ngohub-${basename(dirname(dirname(process.argv[1] ?? 'unknown')))}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./tracer') as typeof import('./tracer')).startTracing(serviceName);
}
