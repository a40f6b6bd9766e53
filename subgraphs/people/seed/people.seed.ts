import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { insertMissing, seedId, type Logger } from '@ngo-hub/kit';
import { Affiliation, AffiliationRole } from '../src/entities/affiliation';
import { Education, EducationDegree } from '../src/entities/education';
import { Person, PersonRole, ProfileVisibility } from '../src/entities/person';
import { Qualification, QualificationKind, SocialWorkQualification } from '../src/entities/qualification';
import { seedTalentMarket } from './talent-market.seed';

interface SeedAffiliation {
  /** Slug of an organization of the organizations seed (`seedId('org:<slug>')`). */
  organization: string;
  role: AffiliationRole;
  title?: string;
  startedOn?: string;
  endedOn?: string;
}

interface SeedEducation {
  institution: string;
  institutionZh?: string;
  /** Slug of the institution in the organizations seed, when it is there. */
  organization?: string;
  degree: EducationDegree;
  major?: string;
  year?: number;
}

interface SeedQualification {
  level: SocialWorkQualification;
  year?: number;
}

type SeedPerson = Omit<Partial<Person>, 'affiliations' | 'education' | 'qualifications' | 'skillKeys'> & {
  slug: string;
  name: string;
  affiliations: SeedAffiliation[];
  education?: SeedEducation[];
  qualifications?: SeedQualification[];
};

const R = PersonRole;
const A = AffiliationRole;
const Q = SocialWorkQualification;
const PARK = 'chengdu-ngo-service-park';
const advisoryCommittee: SeedAffiliation = { organization: PARK, role: A.ADVISOR, title: 'Advisory committee member' };
const chengdu = { city: 'Chengdu', province: 'Sichuan' };
const D = EducationDegree;
const SWUFE: Pick<SeedEducation, 'institution' | 'institutionZh' | 'organization'> = { institution: 'Southwestern University of Finance and Economics', institutionZh: '西南财经大学', organization: 'swufe' };
const SCU: Pick<SeedEducation, 'institution' | 'institutionZh'> = { institution: 'Sichuan University', institutionZh: '四川大学' };

export const personSeedId = (slug: string) => seedId(`person:${slug}`);
export const affiliationSeedId = (personSlug: string, organizationSlug: string) => seedId(`affiliation:${personSlug}:${organizationSlug}`);

/**
 * The people the source documents name, and the roles they hold there. Lü Zhao is a real person
 * and is described only by his known roles; the source documents do not name the others, so they
 * carry placeholder names (said so in their bio), and their education and qualifications are
 * placeholders too. The training seed enrolls them by these slugs; the talent market seed refers to them.
 */
export const SEED_PEOPLE: SeedPerson[] = [
  {
    slug: 'lu-zhao', name: 'Lü Zhao', nameZh: '吕朝', roles: [R.FOUNDER], city: 'Shanghai', province: 'Shanghai',
    bio: 'Founder of NPI (Non-Profit Incubator); member of the Chengdu NGO Service Park\'s advisory committee.',
    bioZh: '恩派公益组织发展中心创始人；成都公益组织服务园专家顾问委员会成员。',
    affiliations: [{ organization: 'npi', role: A.FOUNDER, title: 'Founder', startedOn: '2006-01-01' }, advisoryCommittee],
  },
  {
    slug: 'sowossky-founder', name: 'Chen Jing', nameZh: '陈静', roles: [R.FOUNDER, R.SOCIAL_WORKER],
    languages: ['zh'], education: [{ ...SCU, degree: D.BACHELOR, major: 'Social work', year: 2006 }], qualifications: [{ level: Q.SOCIAL_WORKER, year: 2010 }],
    skills: ['online community building', 'social-work education'],
    bio: 'Founder of SowosSky (社工天空), the social-work portal that runs the "Spread Your Wings" training camp. Placeholder name.',
    affiliations: [{ organization: 'sowossky', role: A.FOUNDER, title: 'Founder' }],
  },
  {
    slug: 'service-park-director', name: 'Wang Lei', nameZh: '王磊', roles: [R.NGO_STAFF], ...chengdu,
    languages: ['zh'], education: [{ ...SWUFE, degree: D.MASTER, major: 'Public administration', year: 2008 }],
    skills: ['NGO incubation', 'capacity building'],
    bio: 'Director of the Chengdu NGO Service Park. Placeholder name.',
    affiliations: [{ organization: PARK, role: A.DIRECTOR, title: 'Director' }],
  },
  {
    slug: 'advisor-swufe-professor', name: 'Liu Yang', nameZh: '刘洋', roles: [R.TEACHER, R.RESEARCHER], ...chengdu,
    languages: ['zh', 'en'], education: [{ institution: 'Peking University', institutionZh: '北京大学', degree: D.DOCTORATE, major: 'Sociology', year: 2004 }],
    skills: ['social-work education', 'supervision'],
    bio: 'Professor of social work at the Southwestern University of Finance and Economics; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee, { organization: 'swufe', role: A.FACULTY, title: 'Professor of Social Work' }],
  },
  {
    slug: 'advisor-taiwan-supervisor', name: 'Lin Mei-hua', nameZh: '林美華', roles: [R.SOCIAL_WORKER], city: 'Taipei', province: 'Taiwan',
    languages: ['zh', 'nan'], education: [{ institution: 'National Taiwan University', institutionZh: '國立臺灣大學', degree: D.MASTER, major: 'Social work', year: 1995 }],
    skills: ['social-work supervision', 'disaster relief'],
    bio: 'Senior social-work supervisor with the Taiwan Red Cross; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee, { organization: 'taiwan-red-cross', role: A.STAFF, title: 'Senior social-work supervisor' }],
  },
  {
    slug: 'advisor-2', name: 'Zhao Min', nameZh: '赵敏', roles: [R.RESEARCHER], ...chengdu,
    languages: ['zh'], education: [{ ...SCU, degree: D.DOCTORATE, major: 'Public administration', year: 2009 }],
    bio: 'Researcher of the non-profit sector; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee],
  },
  {
    slug: 'advisor-3', name: 'Huang Jian', nameZh: '黄建', roles: [R.OFFICIAL], ...chengdu,
    languages: ['zh'], visibility: ProfileVisibility.PARTNERS, education: [{ institution: 'Southwest University of Political Science and Law', institutionZh: '西南政法大学', degree: D.BACHELOR, major: 'Law', year: 1998 }],
    bio: 'Official of the Chengdu Civil Affairs Bureau; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee, { organization: 'chengdu-civil-affairs-bureau', role: A.STAFF, title: 'Official' }],
  },
  {
    slug: 'advisor-4', name: 'Zhou Li', nameZh: '周丽', roles: [R.NGO_STAFF], ...chengdu,
    languages: ['zh', 'en'], education: [{ ...SWUFE, degree: D.BACHELOR, major: 'Finance', year: 2007 }],
    skills: ['grant-making'],
    bio: 'Programme officer at the Chengdu Social Organization Development Foundation; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee, { organization: 'chengdu-social-organization-development-foundation', role: A.STAFF, title: 'Programme officer' }],
  },
  {
    slug: 'advisor-5', name: 'Wu Hong', nameZh: '吴红', roles: [R.SOCIAL_WORKER], ...chengdu,
    languages: ['zh'], education: [{ ...SWUFE, degree: D.MASTER, major: 'Social work', year: 2012 }], qualifications: [{ level: Q.SOCIAL_WORKER, year: 2009 }, { level: Q.SENIOR_SOCIAL_WORKER, year: 2019 }],
    skills: ['community work', 'supervision'],
    bio: 'Senior social worker; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee],
  },
  {
    slug: 'elderly-care-founder', name: 'Li Xiuying', nameZh: '李秀英', roles: [R.FOUNDER, R.SOCIAL_WORKER], ...chengdu,
    languages: ['zh'], education: [{ institution: 'Chengdu University', institutionZh: '成都大学', degree: D.BACHELOR, major: 'Social work', year: 2005 }], qualifications: [{ level: Q.ASSISTANT_SOCIAL_WORKER, year: 2008 }, { level: Q.SOCIAL_WORKER, year: 2010 }],
    skills: ['elderly care', 'case management'],
    bio: 'Founder of the Chengdu Community Elderly Care Service Center, incubated in the Chengdu NGO Service Park\'s first cohort. Placeholder name.',
    affiliations: [{ organization: 'chengdu-community-elderly-care-center', role: A.FOUNDER, title: 'Founder' }],
  },
  {
    slug: 'migrant-children-founder', name: 'Yang Fan', nameZh: '杨帆', roles: [R.FOUNDER, R.TEACHER], ...chengdu,
    languages: ['zh'], education: [{ institution: 'Sichuan Normal University', institutionZh: '四川师范大学', degree: D.BACHELOR, major: 'Education', year: 2003 }],
    skills: ['after-school education'],
    bio: 'Founder of the Chengdu Migrant Children Learning Center, incubated in the Chengdu NGO Service Park\'s first cohort. Placeholder name.',
    affiliations: [{ organization: 'chengdu-migrant-children-center', role: A.FOUNDER, title: 'Founder' }],
  },
  {
    slug: 'legal-aid-founder', name: 'Xu Ming', nameZh: '徐明', roles: [R.FOUNDER], ...chengdu,
    languages: ['zh'], education: [{ ...SCU, degree: D.BACHELOR, major: 'Law', year: 2001 }],
    skills: ['legal aid', 'mediation'],
    bio: 'Founder of the Chengdu Community Legal Service Center, incubated in the Chengdu NGO Service Park\'s first cohort. Placeholder name.',
    affiliations: [{ organization: 'chengdu-community-legal-aid', role: A.FOUNDER, title: 'Founder' }],
  },
  {
    slug: 'student-1', name: 'Sun Yue', nameZh: '孙悦', roles: [R.STUDENT], ...chengdu,
    languages: ['zh', 'en'], skills: ['case management', 'group work'], openToWork: true, education: [{ ...SWUFE, degree: D.BACHELOR, major: 'Social work', year: 2026 }],
    bio: 'Social-work student at the Southwestern University of Finance and Economics; attends SowosSky\'s "Spread Your Wings" training camp. Placeholder name.',
    affiliations: [{ organization: 'swufe', role: A.STUDENT, title: 'Undergraduate, social work', startedOn: '2022-09-01' }],
  },
  {
    slug: 'student-2', name: 'Ma Lin', nameZh: '马琳', roles: [R.STUDENT, R.VOLUNTEER], ...chengdu,
    languages: ['zh'], skills: ['after-school education', 'group work'], openToWork: true, education: [{ ...SCU, degree: D.BACHELOR, major: 'Social work', year: 2027 }],
    bio: 'Social-work student who volunteers at the Chengdu Migrant Children Learning Center; attends SowosSky\'s "Spread Your Wings" training camp. Placeholder name.',
    affiliations: [{ organization: 'chengdu-migrant-children-center', role: A.VOLUNTEER, title: 'Volunteer tutor', startedOn: '2023-03-01' }],
  },
  {
    slug: 'supervisor-trainee-1', name: 'He Jun', nameZh: '何军', roles: [R.SOCIAL_WORKER, R.NGO_STAFF], ...chengdu,
    languages: ['zh'], openToWork: true, education: [{ ...SCU, degree: D.BACHELOR, major: 'Social work', year: 2009 }], qualifications: [{ level: Q.SOCIAL_WORKER, year: 2011 }],
    skills: ['case management', 'elderly care'],
    bio: 'Social worker at the Chengdu Community Elderly Care Service Center; trainee of the senior social-work supervisors course. Placeholder name.',
    affiliations: [
      { organization: 'npi-chengdu', role: A.STAFF, title: 'Programme assistant', startedOn: '2010-03-01', endedOn: '2012-06-30' },
      { organization: 'chengdu-community-elderly-care-center', role: A.STAFF, title: 'Social worker', startedOn: '2012-07-01' },
    ],
  },
  {
    slug: 'supervisor-trainee-2', name: 'Gao Ping', nameZh: '高萍', roles: [R.SOCIAL_WORKER, R.NGO_STAFF], ...chengdu,
    languages: ['zh'], education: [{ ...SWUFE, degree: D.MASTER, major: 'Social work', year: 2010 }], qualifications: [{ level: Q.SENIOR_SOCIAL_WORKER }],
    skills: ['group work', 'supervision'],
    bio: 'Senior social worker at the Chengdu Community Legal Service Center; trainee of the senior social-work supervisors course. Placeholder name.',
    affiliations: [{ organization: 'chengdu-community-legal-aid', role: A.STAFF, title: 'Senior social worker', startedOn: '2011-09-01' }],
  },
];

/** Rows are plain data: an entity instance would carry its collections into the INSERT. */
export async function seedPeople(em: EntityManager, log: Logger): Promise<number> {
  const people: RequiredEntityData<Person>[] = SEED_PEOPLE.map(({ slug, affiliations: _a, education: _e, qualifications: _q, ...fields }) => ({ ...fields, id: personSeedId(slug) }));
  const affiliations: RequiredEntityData<Affiliation>[] = SEED_PEOPLE.flatMap(({ slug, affiliations }) =>
    affiliations.map(({ organization, ...fields }) => ({
      ...fields,
      id: affiliationSeedId(slug, organization),
      person: personSeedId(slug),
      organizationId: seedId(`org:${organization}`),
    })),
  );
  const education: RequiredEntityData<Education>[] = SEED_PEOPLE.flatMap(({ slug, education = [] }) =>
    education.map(({ organization, ...fields }, index) => ({
      ...fields,
      id: seedId(`education:${slug}:${index}`),
      person: personSeedId(slug),
      organizationId: organization ? seedId(`org:${organization}`) : undefined,
    })),
  );
  const qualifications: RequiredEntityData<Qualification>[] = SEED_PEOPLE.flatMap(({ slug, qualifications = [] }) =>
    qualifications.map((fields) => ({
      ...fields,
      kind: QualificationKind.SOCIAL_WORK,
      id: seedId(`qualification:${slug}:${fields.level}`),
      person: personSeedId(slug),
    })),
  );
  const written = {
    people: await insertMissing(em, Person, people),
    affiliations: await insertMissing(em, Affiliation, affiliations),
    education: await insertMissing(em, Education, education),
    qualifications: await insertMissing(em, Qualification, qualifications),
  };
  const market = await seedTalentMarket(em);
  log.info({ ...written, ...market }, 'people seeded');
  return [...Object.values(written), ...Object.values(market)].reduce((sum, n) => sum + n, 0);
}
