import type { ServerResponse } from 'node:http';

/** One readiness condition: resolves to undefined when it holds, else to what is wrong. */
export type ReadinessCheck = () => Promise<string | undefined>;

export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<string | undefined> {
  return Promise.race([
    check().catch((error: unknown) => (error as Error).message || 'failed'),
    new Promise<string>((resolve) => setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs).unref()),
  ]);
}

/** Runs the checks in parallel, each bounded in time. */
export async function checkReadiness(checks: Record<string, ReadinessCheck>, timeoutMs = 2000): Promise<Readiness> {
  const names = Object.keys(checks);
  const problems = await Promise.all(names.map((name) => withTimeout(checks[name], timeoutMs)));
  return {
    ready: problems.every((problem) => problem === undefined),
    checks: Object.fromEntries(names.map((name, i) => [name, problems[i] ?? 'ok'])),
  };
}

/** /readyz: 200 when every check holds, 503 otherwise; the body says which failed. */
export async function answerReadiness(res: ServerResponse, checks: Record<string, ReadinessCheck>): Promise<void> {
  const result = await checkReadiness(checks);
  res.writeHead(result.ready ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ status: result.ready ? 'ready' : 'not ready', checks: result.checks }));
}
