import type { ReadinessCheck } from '@ngo-hub/kit';
import type { GatewayConfig } from './config';

/**
 * The gateway is ready when its supergraph is loaded (it is, once it serves) and every subgraph
 * reports itself ready. A subgraph's answer is cached for a second, so probes of several load
 * balancers do not multiply into subgraph traffic.
 */
export function gatewayReadiness(config: GatewayConfig): Record<string, ReadinessCheck> {
  const checks: Record<string, ReadinessCheck> = { supergraph: async () => undefined };
  for (const [name, url] of Object.entries(config.subgraphUrls)) {
    let cached: { at: number; problem: string | undefined } | undefined;
    const readyz = url.replace(/\/graphql$/, '/readyz');
    checks[name] = async () => {
      if (cached && Date.now() - cached.at < 1000) return cached.problem;
      let problem: string | undefined;
      try {
        const response = await fetch(readyz, { signal: AbortSignal.timeout(1500) });
        problem = response.ok ? undefined : `not ready (HTTP ${response.status})`;
      } catch {
        problem = 'not answering';
      }
      cached = { at: Date.now(), problem };
      return problem;
    };
  }
  return checks;
}
