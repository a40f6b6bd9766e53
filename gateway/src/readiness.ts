import type { ReadinessCheck } from '@ngo-hub/kit/common';
import type { GatewayConfig } from './config';
import type { SharedRedis } from './shared-state/redis-connection';

/**
 * The gateway is ready when its supergraph is loaded (it is, once it serves), every subgraph
 * reports itself ready and, with REDIS_URL, Redis answers a PING. A subgraph's answer is cached
 * for a second, so probes of several load balancers do not multiply into subgraph traffic.
 */
export function gatewayReadiness(config: GatewayConfig, redis?: SharedRedis): Record<string, ReadinessCheck> {
  const checks: Record<string, ReadinessCheck> = { supergraph: async () => undefined };
  if (redis) {
    // commands fail at once while the connection is down (no offline queue); a Redis that hangs is bounded by checkReadiness
    checks.redis = async () => {
      try {
        await redis.client.ping();
        return undefined;
      } catch (error) {
        return `not answering: ${(error as Error).message}`;
      }
    };
  }
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
