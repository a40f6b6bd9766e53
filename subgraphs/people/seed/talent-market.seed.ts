import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { illustrative, insertMissing, ProvenanceKind, retractSeed, seedId } from '@ngo-hub/kit';
import { ApplicationStatus, JobApplication } from '../src/entities/job-application';
import { JobKind, JobPosting, JobPostingStatus, PayPeriod } from '../src/entities/job-posting';
import { SocialWorkQualification } from '../src/entities/qualification';
import { Recommendation } from '../src/entities/recommendation';

type SeedPosting = Omit<RequiredEntityData<JobPosting>, 'id' | 'organizationId' | 'createdAt'> & {
  slug: string;
  /** Slug of the posting organization in the organizations seed. */
  organization: string;
  createdAt: string;
};

interface SeedApplication {
  person: string;
  posting: string;
  status: ApplicationStatus;
  coverNote?: string;
  submittedAt: string;
  statusChangedAt?: string;
}

interface SeedRecommendation {
  recommender: string;
  candidate: string;
  /** A posting's slug, or else `organization`. */
  posting?: string;
  organization?: string;
  note: string;
  createdAt: string;
}

export const postingSeedId = (slug: string) => seedId(`posting:${slug}`);
const personId = (slug: string) => seedId(`person:${slug}`);
const organizationId = (slug: string) => seedId(`org:${slug}`);

const K = JobKind;
const S = JobPostingStatus;
const Q = SocialWorkQualification;
const cny = (min: string, max: string, salaryPeriod: PayPeriod) => ({ salaryMin: min, salaryMax: max, salaryCurrency: 'CNY', salaryPeriod });

/**
 * The talent market the source documents ask for ("a human resources database like a
 * recruitment site"): SowosSky's internship for social-work students and a project officer post,
 * and postings of Chengdu NGOs. Titles and pay are illustrative.
 */
export const SEED_POSTINGS: SeedPosting[] = [
  {
    slug: 'sowossky-social-work-internship',
    organization: 'sowossky',
    kind: K.INTERNSHIP,
    status: S.OPEN,
    remote: true,
    title: 'Social-work intern, "Spread Your Wings" training camp',
    titleZh: '“展翅计划”社工实习生',
    description: 'Help run SowosSky\'s "Spread Your Wings" training camp for social-work students: case discussions, group sessions and the online community.',
    requirements: 'Undergraduate or postgraduate social-work students; at least two days a week for three months.',
    skills: ['social-work education', 'case management', 'group work'],
    ...cny('1500', '2000', PayPeriod.MONTH),
    opensOn: '2026-09-01',
    createdAt: '2026-09-01T02:00:00.000Z',
  },
  {
    slug: 'sowossky-project-officer',
    organization: 'sowossky',
    kind: K.FULL_TIME,
    status: S.OPEN,
    remote: true,
    title: 'Project officer',
    titleZh: '项目官员',
    description: "Plan and run SowosSky's training projects for social workers and keep its partners informed.",
    requirements: 'Two years of experience in social-work projects; assistant social worker qualification or higher.',
    skills: ['project management', 'online community building', 'social-work education'],
    minimumQualification: Q.ASSISTANT_SOCIAL_WORKER,
    ...cny('6000', '8000', PayPeriod.MONTH),
    opensOn: '2026-10-15',
    createdAt: '2026-10-15T03:00:00.000Z',
  },
  {
    slug: 'elderly-care-social-worker',
    organization: 'chengdu-community-elderly-care-center',
    kind: K.FULL_TIME,
    status: S.OPEN,
    city: 'Chengdu',
    title: 'Community elderly-care social worker',
    titleZh: '社区养老社工',
    description: 'Case management and group activities for older people living at home in the community.',
    skills: ['elderly care', 'case management', 'group work'],
    minimumQualification: Q.ASSISTANT_SOCIAL_WORKER,
    ...cny('4000', '5500', PayPeriod.MONTH),
    opensOn: '2026-08-01',
    createdAt: '2026-08-01T01:30:00.000Z',
  },
  {
    slug: 'migrant-children-volunteer-tutor',
    organization: 'chengdu-migrant-children-center',
    kind: K.VOLUNTEER,
    status: S.OPEN,
    city: 'Chengdu',
    title: 'Volunteer tutor',
    titleZh: '志愿辅导老师',
    description: 'After-school tutoring for migrant children, two evenings a week.',
    skills: ['after-school education', 'tutoring'],
    createdAt: '2023-02-15T04:00:00.000Z',
  },
  {
    slug: 'legal-aid-community-mediator',
    organization: 'chengdu-community-legal-aid',
    kind: K.PART_TIME,
    status: S.CLOSED,
    city: 'Chengdu',
    title: 'Community mediator',
    titleZh: '社区调解员',
    skills: ['mediation', 'legal aid'],
    ...cny('150', '200', PayPeriod.DAY),
    opensOn: '2024-03-01',
    closesOn: '2024-04-30',
    createdAt: '2024-02-20T02:00:00.000Z',
  },
  {
    slug: 'service-park-incubation-assistant',
    organization: 'chengdu-ngo-service-park',
    kind: K.FULL_TIME,
    status: S.FILLED,
    city: 'Chengdu',
    title: 'Incubation programme assistant',
    titleZh: '孵化项目助理',
    skills: ['NGO incubation', 'capacity building', 'event planning'],
    ...cny('4500', '6000', PayPeriod.MONTH),
    opensOn: '2025-03-01',
    closesOn: '2025-04-15',
    createdAt: '2025-02-25T02:00:00.000Z',
  },
  {
    slug: 'service-park-supervision-officer',
    organization: 'chengdu-ngo-service-park',
    kind: K.FULL_TIME,
    status: S.OPEN,
    city: 'Chengdu',
    title: 'Social-work supervision officer',
    titleZh: '社工督导专员',
    description: 'Supervise the social workers of the organizations incubated in the Service Park.',
    skills: ['supervision', 'case management', 'group work'],
    minimumQualification: Q.SOCIAL_WORKER,
    ...cny('7000', '9000', PayPeriod.MONTH),
    opensOn: '2026-10-01',
    createdAt: '2026-10-01T02:00:00.000Z',
  },
];

export const SEED_APPLICATIONS: SeedApplication[] = [
  { person: 'student-1', posting: 'sowossky-social-work-internship', status: ApplicationStatus.SUBMITTED, submittedAt: '2026-09-10T06:00:00.000Z' },
  {
    person: 'student-2',
    posting: 'sowossky-social-work-internship',
    status: ApplicationStatus.SHORTLISTED,
    coverNote: 'I tutor migrant children and would like to learn group work with your camp.',
    submittedAt: '2026-09-12T08:30:00.000Z',
    statusChangedAt: '2026-09-20T02:00:00.000Z',
  },
  {
    person: 'student-2',
    posting: 'migrant-children-volunteer-tutor',
    status: ApplicationStatus.HIRED,
    submittedAt: '2023-02-20T10:00:00.000Z',
    statusChangedAt: '2023-03-01T02:00:00.000Z',
  },
  {
    person: 'supervisor-trainee-1',
    posting: 'service-park-supervision-officer',
    status: ApplicationStatus.SHORTLISTED,
    coverNote: 'I completed the senior social-work supervisors course and supervise two colleagues today.',
    submittedAt: '2026-10-08T03:00:00.000Z',
    statusChangedAt: '2026-10-20T03:00:00.000Z',
  },
];

export const SEED_RECOMMENDATIONS: SeedRecommendation[] = [
  {
    recommender: 'advisor-swufe-professor',
    candidate: 'student-1',
    posting: 'sowossky-social-work-internship',
    createdAt: '2026-09-11T01:00:00.000Z',
    note: 'One of the most committed social-work undergraduates I teach at SWUFE; careful in case work and good with groups.',
  },
  {
    recommender: 'advisor-swufe-professor',
    candidate: 'supervisor-trainee-1',
    posting: 'service-park-supervision-officer',
    createdAt: '2026-10-09T01:00:00.000Z',
    note: 'He Jun took the senior supervisors course with distinction and already supervises younger colleagues.',
  },
  {
    recommender: 'advisor-swufe-professor',
    candidate: 'supervisor-trainee-2',
    organization: 'chengdu-ngo-service-park',
    createdAt: '2013-03-01T01:00:00.000Z',
    note: "Gao Ping would make a fine supervisor for the Service Park's incubated organizations.",
  },
];

/**
 * Recommendations an earlier seed had people stand-ins for real, unnamed people (a committee
 * expert, the course instructor) write: the sources say nothing of the kind.
 */
const RETRACTED_RECOMMENDATIONS = [
  'recommendation:advisor-5:supervisor-trainee-1:service-park-supervision-officer',
  'recommendation:advisor-taiwan-supervisor:supervisor-trainee-2:chengdu-ngo-service-park',
].map(seedId);

/** Every seeded posting is invented: the sources mention no vacancies. */
const POSTING = illustrative('an invented vacancy (title, pay and dates); the sources mention no job postings.');

/**
 * Gives the seeded postings of a hub seeded before postings kept provenance theirs. Only their
 * provenance: the rest is the employer's to change once inserted.
 */
function recordPostingsProvenance(em: EntityManager, ids: string[]): Promise<number> {
  return em.nativeUpdate(JobPosting, { id: { $in: ids }, provenance: { kind: ProvenanceKind.UNRECORDED } }, { provenance: POSTING });
}

const applicationSeedId = (a: SeedApplication) => seedId(`application:${a.person}:${a.posting}`);

/** Postings, applications and recommendations; plain rows, inserted when missing. Returns rows written by table. */
export async function seedTalentMarket(em: EntityManager): Promise<Record<string, number>> {
  const postings = SEED_POSTINGS.map(({ slug, organization, createdAt, ...fields }) => ({
    ...fields,
    id: postingSeedId(slug),
    organizationId: organizationId(organization),
    createdAt: new Date(createdAt),
    provenance: POSTING,
  }));
  const applications: RequiredEntityData<JobApplication>[] = SEED_APPLICATIONS.map((a) => ({
    id: applicationSeedId(a),
    person: personId(a.person),
    posting: postingSeedId(a.posting),
    status: a.status,
    coverNote: a.coverNote,
    submittedAt: new Date(a.submittedAt),
    statusChangedAt: new Date(a.statusChangedAt ?? a.submittedAt),
  }));
  const byPosting = new Map(SEED_POSTINGS.map((p) => [p.slug, p.organization]));
  const recommendations: RequiredEntityData<Recommendation>[] = SEED_RECOMMENDATIONS.map((r) => ({
    id: seedId(`recommendation:${r.recommender}:${r.candidate}:${r.posting ?? r.organization}`),
    recommender: personId(r.recommender),
    candidate: personId(r.candidate),
    posting: r.posting ? postingSeedId(r.posting) : undefined,
    organizationId: organizationId(r.posting ? byPosting.get(r.posting)! : r.organization!),
    note: r.note,
    createdAt: new Date(r.createdAt),
  }));
  return {
    postings:
      (await insertMissing(em, JobPosting, postings as RequiredEntityData<JobPosting>[])) +
      (await recordPostingsProvenance(
        em,
        postings.map((p) => p.id),
      )),
    applications: await insertMissing(em, JobApplication, applications),
    recommendations: (await retractSeed(em, Recommendation, RETRACTED_RECOMMENDATIONS)) + (await insertMissing(em, Recommendation, recommendations)),
  };
}
