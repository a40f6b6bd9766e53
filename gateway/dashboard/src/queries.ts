// The operations the dashboard sends: one combined query on load (and on a filter change), a
// small query per part to refresh what live activity touched, and the live feed's subscription.
// Each part is a fragment, so the page load and the refreshes select exactly the same fields.

import type { Filters } from './filters';

export interface Count {
  key: string | null;
  count: number;
}

export interface Money {
  amount: string;
  currency: string;
}

export interface OrganizationRef {
  id: string;
  name: string;
  nameZh: string | null;
}

export interface SectorCounts {
  organizationCount: number;
  byCity: Count[];
  byKind: Count[];
  byCauseArea: Count[];
  byRegistrationStatus: Count[];
}

export interface FundingFlow {
  funder: OrganizationRef;
  recipient: OrganizationRef;
  grantCount: number;
  totals: Money[];
}

export interface GrantAward {
  id: string;
  awardDate: string;
  amountAwarded: Money;
  recipient: { city: string | null };
}

export interface Funding {
  fundingFlows: { totalCount: number; nodes: FundingFlow[] };
  recentGrants: { totalCount: number; nodes: GrantAward[] };
}

export interface Cohort {
  id: string;
  name: string;
  year: number;
  startsOn: string;
  endsOn: string | null;
  members: { totalCount: number };
}

export interface Programme {
  id: string;
  name: string;
  nameZh: string | null;
  city: string | null;
  incubator: OrganizationRef;
  cohorts: { totalCount: number; nodes: Cohort[] };
}

export interface JobPosting {
  id: string;
  title: string;
  titleZh: string | null;
  kind: string;
  city: string | null;
  remote: boolean;
  closesOn: string | null;
  organization: OrganizationRef;
}

export interface Course {
  id: string;
  title: string;
  titleZh: string | null;
  kind: string;
  city: string | null;
  online: boolean;
  startsOn: string;
  capacity: number | null;
  enrolledCount: number;
  seatsLeft: number | null;
  offeredBy: OrganizationRef[];
}

export interface Incubation {
  incubationProgrammes: { totalCount: number; nodes: Programme[] };
}

export interface Jobs {
  jobPostings: { totalCount: number; nodes: JobPosting[] };
}

export interface Courses {
  courses: { totalCount: number; nodes: Course[] };
}

export interface Dashboard extends Funding, Incubation, Jobs, Courses {
  sector: SectorCounts;
  allCities: { byCity: Count[] };
}

/** The parts of the page live activity refreshes on its own. */
export type Part = 'sector' | 'funding' | 'incubation' | 'jobs' | 'courses';

const ORGANIZATION_REF = /* GraphQL */ `
  fragment OrganizationRef on Organization {
    id
    name
    nameZh
  }
`;

const SECTOR = /* GraphQL */ `
  fragment SectorCounts on SectorMap {
    organizationCount
    byCity {
      key
      count
    }
    byKind {
      key
      count
    }
    byCauseArea {
      key
      count
    }
    byRegistrationStatus {
      key
      count
    }
  }
`;

const FUNDING = /* GraphQL */ `
  fragment Funding on Query {
    fundingFlows(first: 100, filter: $flows) {
      totalCount
      nodes {
        funder {
          ...OrganizationRef
        }
        recipient {
          ...OrganizationRef
        }
        grantCount
        totals {
          amount
          currency
        }
      }
    }
    recentGrants: grants(first: 100, filter: $grants) {
      totalCount
      nodes {
        id
        awardDate
        amountAwarded {
          amount
          currency
        }
        recipient {
          city
        }
      }
    }
  }
`;

const INCUBATION = /* GraphQL */ `
  fragment Incubation on Query {
    incubationProgrammes(first: 20, filter: $programmes) {
      totalCount
      nodes {
        id
        name
        nameZh
        city
        incubator {
          ...OrganizationRef
        }
        cohorts(first: 10) {
          totalCount
          nodes {
            id
            name
            year
            startsOn
            endsOn
            members(first: 1) {
              totalCount
            }
          }
        }
      }
    }
  }
`;

const JOBS = /* GraphQL */ `
  fragment Jobs on Query {
    jobPostings(first: 8, filter: $jobs) {
      totalCount
      nodes {
        id
        title
        titleZh
        kind
        city
        remote
        closesOn
        organization {
          ...OrganizationRef
        }
      }
    }
  }
`;

const COURSES = /* GraphQL */ `
  fragment Courses on Query {
    courses(first: 8, filter: $courses) {
      totalCount
      nodes {
        id
        title
        titleZh
        kind
        city
        online
        startsOn
        capacity
        enrolledCount
        seatsLeft
        offeredBy {
          ...OrganizationRef
        }
      }
    }
  }
`;

interface PartQuery {
  /** The fields this part selects on Query. */
  selection: string;
  /** Its variables and their input types. */
  variables: Partial<Record<keyof ReturnType<typeof variablesFor>, string>>;
  fragments: string[];
}

const PARTS: Record<Part, PartQuery> = {
  sector: {
    selection: 'sector: sectorMap(filter: $sector) { ...SectorCounts } allCities: sectorMap { byCity { key count } }',
    variables: { sector: 'SectorMapFilter' },
    fragments: [SECTOR],
  },
  funding: { selection: '...Funding', variables: { flows: 'FundingFlowFilter', grants: 'GrantFilter' }, fragments: [FUNDING, ORGANIZATION_REF] },
  incubation: { selection: '...Incubation', variables: { programmes: 'IncubationProgrammeFilter' }, fragments: [INCUBATION, ORGANIZATION_REF] },
  jobs: { selection: '...Jobs', variables: { jobs: 'JobPostingFilter' }, fragments: [JOBS, ORGANIZATION_REF] },
  courses: { selection: '...Courses', variables: { courses: 'CourseFilter' }, fragments: [COURSES, ORGANIZATION_REF] },
};

export const ALL_PARTS = Object.keys(PARTS) as Part[];

/** The live feed's subscription (graphql-ws). */
export const SECTOR_ACTIVITY = /* GraphQL */ `
  subscription SectorDashboardActivity($filter: SectorActivityFilter, $since: ID) {
    sectorActivity(filter: $filter, since: $since) {
      eventId
      occurredAt
      kind
      summary
      city
      causes
      matches
      organization {
        id
        name
        nameZh
        city
      }
      grant {
        id
        title
        amountAwarded {
          amount
          currency
        }
        funder {
          id
          name
          nameZh
        }
        recipient {
          id
          name
          nameZh
        }
      }
      jobPosting {
        id
        title
        titleZh
        organization {
          id
          name
          nameZh
        }
      }
      enrollment {
        id
        status
        course {
          id
          title
          titleZh
        }
      }
    }
  }
`;

function operation(name: string, parts: readonly Part[]): string {
  const chosen = parts.map((part) => PARTS[part]);
  const declared = chosen.flatMap((part) => Object.entries(part.variables));
  return [
    `query ${name}(${declared.map(([variable, type]) => `$${variable}: ${type}`).join(', ')}) {`,
    ...chosen.map((part) => `  ${part.selection}`),
    '}',
    ...new Set(chosen.flatMap((part) => part.fragments)),
  ].join('\n');
}

/**
 * Fixed documents, so they can be registered as trusted documents (gateway/trusted-documents.json
 * is generated from this module's exported strings): the whole page in one query, and one small
 * query per part for refreshes after live activity.
 */
export const DASHBOARD_QUERY = operation('SectorDashboard', ALL_PARTS);

export const PART_QUERIES: Record<Part, string> = {
  sector: operation('SectorDashboardCounts', ['sector']),
  funding: operation('SectorDashboardFunding', ['funding']),
  incubation: operation('SectorDashboardIncubation', ['incubation']),
  jobs: operation('SectorDashboardJobs', ['jobs']),
  courses: operation('SectorDashboardCourses', ['courses']),
};

/** The variables the given parts' queries declare, from the filters. */
export function variablesOf(parts: readonly Part[], filters: Filters): Record<string, unknown> {
  const all = variablesFor(filters);
  const names = parts.flatMap((part) => Object.keys(PARTS[part].variables)) as (keyof typeof all)[];
  return Object.fromEntries(names.map((name) => [name, all[name]]));
}

/**
 * The filters as each field's own filter input. Job postings, courses and programmes have no
 * cause filter, and grants no city filter: the page narrows grants by the recipient's city.
 * "Sourced records only" is every list's `illustrative: false`.
 */
export function variablesFor(filters: Filters) {
  const city = filters.city ?? undefined;
  const causeAreas = filters.cause ? [filters.cause] : undefined;
  const year = filters.year ?? undefined;
  const illustrative = filters.sourcedOnly ? false : undefined;
  return {
    sector: { city, causeAreas, illustrative },
    flows: { city, causeAreas, yearFrom: year, yearTo: year, illustrative },
    grants: { causeAreas, illustrative },
    programmes: { city, illustrative },
    jobs: { city, openNow: true, illustrative },
    courses: { city, openForEnrollment: true, illustrative },
  };
}
