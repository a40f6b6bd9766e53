import { createLogger, References, seedId } from '@ngo-hub/kit';
import { SEED_COURSES, SEED_MENTORSHIPS, SEED_SESSIONS } from '../seed/training.seed';
import { startTrainingHub, type TrainingHub } from './support/hub';
import { ok } from './support/requests';
import { asService, identityHeaders } from '@ngo-hub/kit/testing';

describe('training subgraph: the seed sector', () => {
  let hub: TrainingHub;

  beforeAll(async () => {
    hub = await startTrainingHub(['organizations', 'people', 'funding']);
  });
  afterAll(() => hub?.stop());

  it("refers only to people and grants that exist in their subgraphs' seeds", async () => {
    const references = new References(
      { organizations: hub.services.organizations!.url, people: hub.services.people!.url, funding: hub.services.funding!.url },
      createLogger('test', 'silent'),
      () => identityHeaders(asService()),
    );
    const people = [
      ...SEED_SESSIONS.map((s) => s.instructor),
      ...SEED_MENTORSHIPS.flatMap((m) => [m.mentor, m.mentee]),
      ...SEED_COURSES.flatMap((c) => c.enrollments.map((e) => e.person)),
    ];
    // no seeded course names a funding grant: the sources give none (an earlier seed invented one)
    const grants = SEED_COURSES.flatMap((c) => (c.course.fundingGrantId ? [c.course.fundingGrantId as string] : []));
    expect(grants).toEqual([]);
    await expect(
      references.assertExist(
        'Person',
        [...new Set(people)].map((slug) => seedId(`person:${slug}`)),
        'people',
      ),
    ).resolves.toBeUndefined();
    await expect(references.assertExist('Person', [seedId('person:lu-zhao')], 'people')).rejects.toThrow();
  });

  it('holds the "Spread Your Wings" camp with its 2009 recognition, taking applications for approval', async () => {
    const { course } = await ok<{ course: { enrollments: { nodes: { status: string }[] } } & Record<string, unknown> }>(
      hub.training,
      `query($id: ID!) { course(id: $id) { kind requiresApproval recognitions { year } enrollments { nodes { status } } sessions { totalCount } } }`,
      { id: seedId('course:spread-your-wings') },
    );
    expect(course).toMatchObject({ kind: 'TRAINING_CAMP', requiresApproval: true, recognitions: [{ year: 2009 }], sessions: { totalCount: 4 } });
    expect(course.enrollments.nodes.map((n) => n.status).sort()).toEqual(['APPLIED', 'ENROLLED', 'ENROLLED']);
  });

  it("keeps mentors and mentees of a seeded mentorship within its course's participants and out of each other's way", () => {
    for (const mentorship of SEED_MENTORSHIPS) {
      expect(mentorship.mentor).not.toBe(mentorship.mentee);
      if (!mentorship.course) continue;
      const course = SEED_COURSES.find((c) => c.slug === mentorship.course)!;
      expect(course.enrollments.find((e) => e.person === mentorship.mentee)?.status).toMatch(/^(ENROLLED|COMPLETED)$/);
    }
  });
});
