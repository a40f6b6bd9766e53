import { DEFAULT_PORTS, SUBGRAPHS } from '@ngo-hub/kit/config';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

/** No Docker engine runs here: the compose file is checked against the code's own configuration instead. */
describe('docker-compose.yml matches the code', () => {
  const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
  const services = compose.services;

  it('has PostgreSQL, the four subgraphs and the gateway, each with a health check', () => {
    expect(Object.keys(services).sort()).toEqual(['funding', 'gateway', 'organizations', 'people', 'postgres', 'training']);
    for (const service of Object.values(services)) expect(service.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it.each(SUBGRAPHS)('runs the %s subgraph from its workspace, on its port, with its own database URL', (name) => {
    const service = services[name];
    const workspace = service.build!.args!.WORKSPACE;
    expect(workspace).toBe(`subgraphs/${name}`);
    expect(existsSync(join(root, workspace, 'package.json'))).toBe(true);
    expect(Number(service.environment!.PORT)).toBe(DEFAULT_PORTS[name]);
    expect(String(service.environment![`${name.toUpperCase()}_DATABASE_URL`])).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/\w+$/);
    expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('points every service at the others by service name and the port each one listens on', () => {
    for (const service of Object.values(services).filter((s) => s.build)) {
      for (const target of SUBGRAPHS) {
        expect(service.environment![`${target.toUpperCase()}_URL`]).toBe(`http://${target}:${DEFAULT_PORTS[target]}/graphql`);
      }
    }
  });

  it('publishes the gateway on 4000 and starts it after every subgraph is healthy', () => {
    const gateway = services.gateway;
    expect(gateway.build!.args!.WORKSPACE).toBe('gateway');
    expect(Number(gateway.environment!.PORT)).toBe(DEFAULT_PORTS.gateway);
    expect(gateway.ports).toEqual([`${DEFAULT_PORTS.gateway}:${DEFAULT_PORTS.gateway}`]);
    expect(Object.keys(gateway.depends_on!).sort()).toEqual([...SUBGRAPHS].sort());
    for (const dependency of Object.values(gateway.depends_on!)) expect(dependency.condition).toBe('service_healthy');
  });

  it('builds every workspace from one multi-stage Dockerfile', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/ARG WORKSPACE/);
    for (const service of Object.values(services).filter((s) => s.build)) expect(service.build!.dockerfile).toBe('Dockerfile');
  });
});
