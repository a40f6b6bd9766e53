import { asAdmin, graphqlRequestAs, sharedNeighbour, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { peopleSubgraph } from '../src';

export type Request = TestSubgraph['request'];

export interface PeopleWithOrganizations {
  people: TestSubgraph;
  /** Sends an operation to the people subgraph. */
  request: Request;
  /** The real organizations subgraph, in a child process shared by the run's files (jest.config.js), that addAffiliation asks. */
  organizations: { url: string };
  createOrganization(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The people subgraph in this process (seeded) and the run's organizations subgraph (a child process), on the run's database. */
export async function startPeopleWithOrganizations(): Promise<PeopleWithOrganizations> {
  const organizations = sharedNeighbour('organizations');
  const people = await startTestSubgraph(peopleSubgraph, { seed: true, identity: asAdmin(), env: { ...process.env, ORGANIZATIONS_URL: organizations.url } });
  return {
    people,
    request: (query, variables) => people.request(query, variables),
    organizations,
    async createOrganization(name) {
      const { data, errors } = await graphqlRequestAs<{ createOrganization: { organization: { id: string } } }>(
        asAdmin(),
        organizations.url,
        `mutation($name: String!) { createOrganization(input: { name: $name, kind: NGO, city: "Chengdu" }) { organization { id } } }`,
        { name },
      );
      if (errors) throw new Error(`could not create organization ${name}: ${errors[0].message}`);
      return data!.createOrganization.organization.id;
    },
    async stop() {
      await people.stop();
    },
  };
}
