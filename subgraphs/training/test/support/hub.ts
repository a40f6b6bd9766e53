import type { ChildService, SubgraphName } from '@ngo-hub/kit';
import { asAdmin, graphqlRequestAs, sharedNeighbour, startPreparedOnce, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { trainingSubgraph } from '../../src';

/** A neighbour subgraph the tests reach by URL; only one the file started itself may be stopped. */
export interface Neighbour {
  url: string;
  stop(): Promise<void>;
}

/** The training subgraph in this process, with the subgraphs it asks about references as real child processes. */
export interface TrainingHub {
  training: TestSubgraph;
  services: Partial<Record<SubgraphName, Neighbour>>;
  stop(): Promise<void>;
}

/** The environment for a child subgraph process: the run's database. */
function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'warn' };
}

async function startNeighbour(name: SubgraphName): Promise<ChildService> {
  return startPreparedOnce(name, childEnv());
}

/** The run's neighbour (jest.config.js starts them once for every file): never stopped by a file. */
function shared(name: SubgraphName): Neighbour {
  return {
    url: sharedNeighbour(name).url,
    stop: () => Promise.reject(new Error(`the ${name} subgraph is shared by the run's files: a test that stops it starts its own ({ own: ['${name}'] })`)),
  };
}

/**
 * The training subgraph (seeded) in this process, in front of `neighbours`: the run's shared
 * processes, except those in `own`, which this file starts (and may stop) itself.
 */
export async function startTrainingHub(neighbours: SubgraphName[], options: { own?: SubgraphName[] } = {}): Promise<TrainingHub> {
  const services: Partial<Record<SubgraphName, Neighbour>> = {};
  const started: ChildService[] = [];
  try {
    for (const name of neighbours) {
      if (options.own?.includes(name)) started.push((services[name] = await startNeighbour(name)));
      else services[name] = shared(name);
    }
    const urls = Object.fromEntries(Object.entries(services).map(([name, service]) => [`${name.toUpperCase()}_URL`, service!.url]));
    const training = await startTestSubgraph(trainingSubgraph, { seed: true, identity: asAdmin(), env: { ...process.env, ...urls } });
    return {
      training,
      services,
      async stop() {
        await training.stop();
        await Promise.all(started.map((service) => service.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((service) => service.stop()));
    throw error;
  }
}

/** Creates organizations through the organizations subgraph's API; returns their ids. */
export async function createOrganizations(organizationsUrl: string, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const { data, errors } = await graphqlRequestAs<{ createOrganization: { organization: { id: string } } }>(
      asAdmin(),
      organizationsUrl,
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name, kind: 'NGO', city: 'Chengdu' } },
    );
    if (errors) throw new Error(`createOrganization failed: ${JSON.stringify(errors)}`);
    ids.push(data!.createOrganization.organization.id);
  }
  return ids;
}

/** Creates people through the people subgraph's API; returns their ids. */
export async function createPeople(peopleUrl: string, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const { data, errors } = await graphqlRequestAs<{ createPerson: { person: { id: string } } }>(
      asAdmin(),
      peopleUrl,
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
      { input: { name, city: 'Chengdu', roles: ['SOCIAL_WORKER'] } },
    );
    if (errors) throw new Error(`createPerson failed: ${JSON.stringify(errors)}`);
    ids.push(data!.createPerson.person.id);
  }
  return ids;
}
