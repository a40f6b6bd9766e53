import type { ChildService } from '@ngo-hub/kit/processes';
import { gql } from './setup/hub';
import { adminHeaders, userHeaders, userJwt } from './setup/identities';
import { startGatewayProcess } from './setup/gateway-process';
import { liveClient, socketUrl, Subscription } from './setup/live';

async function mutate<T>(query: string, input: Record<string, unknown>): Promise<T> {
  const { data, errors } = await gql<T>(query, { input }, adminHeaders());
  expect(errors).toBeUndefined();
  return data!;
}

type EnrollmentEvent = { enrollmentChanged: { status: string; enrollment: { id: string; person: { id: string } } } };

describe('who receives what over graphql-ws', () => {
  let courseId: string;
  let personId: string;

  beforeAll(async () => {
    const org = await mutate<{ createOrganization: { organization: { id: string } } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { name: 'Live Trust Training Centre', kind: 'NGO', city: 'Chengdu' },
    );
    const course = await mutate<{ createCourse: { course: { id: string } } }>(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`,
      {
        title: 'Live trust workshop',
        kind: 'WORKSHOP',
        offeredByIds: [org.createOrganization.organization.id],
        startsOn: '2030-03-01',
        endsOn: '2030-03-02',
        capacity: 5,
      },
    );
    courseId = course.createCourse.course.id;
    const person = await mutate<{ createPerson: { person: { id: string } } }>(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
      { name: 'Live Trust Student' },
    );
    personId = person.createPerson.person.id;
  });

  it('authenticates the socket from connectionParams like HTTP: a bad credential is refused with 4403', async () => {
    const closes: number[] = [];
    const client = liveClient({
      connectionParams: { authorization: 'Bearer not-a-token' },
      on: { closed: (event) => void closes.push((event as { code: number }).code) },
    });
    const subscription = new Subscription(client, `subscription { organizationChanged { eventId } }`);
    await expect(subscription.take(1, 3000)).rejects.toThrow(/ended/);
    expect(closes).toContain(4403);
    await client.dispose();
  });

  it("sends an enrollment's events to the person and to an admin, not to anonymous subscribers", async () => {
    const query = `subscription($course: ID!) { enrollmentChanged(course: $course) { status enrollment { id person { id } } } }`;
    const anonymous = liveClient();
    const self = liveClient({ connectionParams: { authorization: `Bearer ${await userJwt(personId)}` } });
    const admin = liveClient({ connectionParams: adminHeaders() });
    const [asAnonymous, asSelf, asAdmin] = [anonymous, self, admin].map((c) => new Subscription<EnrollmentEvent>(c, query, { course: courseId }));
    await asAnonymous!.ready('enrollmentChanged', 3);
    const { errors } = await gql(
      `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id } } }`,
      { input: { courseId, personId } },
      await userHeaders(personId),
    );
    expect(errors).toBeUndefined();
    for (const subscription of [asSelf!, asAdmin!]) {
      const [result] = await subscription.take(1);
      expect(result!.errors).toBeUndefined();
      expect(result!.data!.enrollmentChanged).toMatchObject({ status: 'ENROLLED', enrollment: { person: { id: personId } } });
    }
    await asAnonymous!.quietFor(1000, 0);
    await Promise.all([anonymous, self, admin].map((c) => c.dispose()));
  });

  describe('a slow subscriber', () => {
    let gateway: ChildService;
    beforeAll(async () => {
      gateway = await startGatewayProcess({ DATABASE_URL: process.env.TEST_DATABASE_URL!, SUBSCRIBER_BUFFER: '3', EVENT_POLL_MS: '200' });
    });
    afterAll(() => gateway.stop());

    it('is not ended for falling behind its buffer: it reads the rest from the log, each event once, in order', async () => {
      const client = liveClient({ url: socketUrl(gateway.url) });
      const selection = `organizationChanged(filter: { city: "Burstville" }) { eventId organization { name } }`;
      // a selection that needs a federated fetch per event, so a burst piles up behind it
      const slow = new Subscription<{ organizationChanged: { eventId: string; organization: { name: string } } }>(client, `subscription { ${selection} }`);
      await slow.ready('organizationChanged', 1, gateway.url);
      const names = Array.from({ length: 12 }, (_, i) => `Burst ${i + 1}`);
      // one transaction per organization, all at once: the relay appends them together
      await Promise.all(
        names.map((name) =>
          gql(
            `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
            { input: { name, kind: 'NGO', city: 'Burstville' } },
            adminHeaders(),
          ),
        ),
      );
      const results = await slow.take(12, 10_000);
      expect(results.filter((r) => r.errors)).toEqual([]);
      const ids = results.map((r) => BigInt(r.data!.organizationChanged.eventId));
      expect(new Set(ids).size).toBe(12);
      expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
      expect(results.map((r) => r.data!.organizationChanged.organization.name).sort()).toEqual([...names].sort());
      await slow.quietFor(500, 12);
      await client.dispose();
    });
  });
});
