import type { TestSubgraph } from '@ngo-hub/kit/testing';

export const CREATE_COURSE = `mutation($input: CreateCourseInput!) {
  createCourse(input: $input) {
    course { id title titleZh kind city online startsOn endsOn language capacity audiences causeAreas fee { amount currency } offeredBy { id } enrolledCount seatsLeft }
  }
}`;

export interface CreatedCourse {
  id: string;
  title: string;
  startsOn: string;
  capacity: number | null;
  fee: { amount: string; currency: string } | null;
  offeredBy: { id: string }[];
  enrolledCount: number;
  seatsLeft: number | null;
}

/** A date this many days from today (YYYY-MM-DD). */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid course input; override what a test is about. */
export function courseInput(offeredByIds: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Community Casework Workshop',
    titleZh: '社区个案工作坊',
    kind: 'WORKSHOP',
    city: 'Chengdu',
    startsOn: daysFromToday(30),
    endsOn: daysFromToday(31),
    audiences: ['PROFESSIONAL_SOCIAL_WORKERS'],
    causeAreas: ['SOCIAL_WORK'],
    offeredByIds,
    ...overrides,
  };
}

export async function createCourse(subgraph: TestSubgraph, input: Record<string, unknown>): Promise<CreatedCourse> {
  const { data, errors } = await subgraph.request<{ createCourse: { course: CreatedCourse } }>(CREATE_COURSE, { input });
  if (errors) throw new Error(`createCourse failed: ${JSON.stringify(errors)}`);
  return data!.createCourse.course;
}
