import { freePort, startSubgraphProcess, type ChildService, type SubgraphName } from '@ngo-hub/kit';
import { asAdmin, graphqlRequestAs, prepareOnce, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { trainingSubgraph } from '../../src';

/** The training subgraph in this process, with the subgraphs it asks about references as real child processes. */
export interface TrainingHub {
  training: TestSubgraph;
  services: Partial<Record<SubgraphName, ChildService>>;
  stop(): Promise<void>;
}

/** The environment for a child subgraph process: the run's database. */
function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'warn' };
}

async function startNeighbour(name: SubgraphName): Promise<ChildService> {
  const env = childEnv();
  await prepareOnce(name, env);
  return startSubgraphProcess(name, await freePort(), env);
}

export async function startTrainingHub(neighbours: SubgraphName[]): Promise<TrainingHub> {
  const services: Partial<Record<SubgraphName, ChildService>> = {};
  try {
    for (const name of neighbours) services[name] = await startNeighbour(name);
    const urls = Object.fromEntries(Object.entries(services).map(([name, service]) => [`${name.toUpperCase()}_URL`, service!.url]));
    const training = await startTestSubgraph(trainingSubgraph, { seed: true, identity: asAdmin(), env: { ...process.env, ...urls } });
    return {
      training,
      services,
      async stop() {
        await training.stop();
        await Promise.all(Object.values(services).map((service) => service!.stop()));
      },
    };
  } catch (error) {
    await Promise.all(Object.values(services).map((service) => service!.stop()));
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
