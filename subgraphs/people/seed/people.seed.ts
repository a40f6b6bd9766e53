import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { illustrative, retractSeed, SEED_SOURCES, seedId, sourced, upsertSeed, type Logger, type Provenance } from '@ngo-hub/kit';
import { Affiliation, AffiliationRole } from '../src/entities/affiliation';
import { Education, EducationDegree } from '../src/entities/education';
import { Person, PersonRole } from '../src/entities/person';
import { Qualification, QualificationKind, SocialWorkQualification } from '../src/entities/qualification';
import { seedTalentMarket } from './talent-market.seed';

interface SeedAffiliation {
  provenance: Provenance;
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

type SeedPerson = Omit<Partial<Person>, 'affiliations' | 'education' | 'qualifications' | 'skillKeys' | 'provenance'> & {
  slug: string;
  provenance: Provenance;
  name: string;
  affiliations: SeedAffiliation[];
  education?: SeedEducation[];
  qualifications?: SeedQualification[];
};

const R = PersonRole;
const A = AffiliationRole;
const Q = SocialWorkQualification;
const PARK_SLUG = 'chengdu-ngo-service-park';
const PARK = SEED_SOURCES.servicePark;
const SOWOSSKY = SEED_SOURCES.sowossky;
const advisoryCommittee = { organization: PARK_SLUG, role: A.ADVISOR, title: 'Advisory committee member' };
/** A placeholder for a real person the article mentions without a name: nothing is said of them beyond the article. */
const STAND_IN = illustrative('a placeholder for one of the four advisory committee members the article does not name.', PARK);
/** An invented person (any likeness to a real person's name is unintended), at an invented organization or in an invented role. */
const FICTIONAL = illustrative('an invented person, to make the seed sector usable; any likeness to a real person is unintended.');
const chengdu = { city: 'Chengdu', province: 'Sichuan' };
const D = EducationDegree;
const SWUFE: Pick<SeedEducation, 'institution' | 'institutionZh' | 'organization'> = {
  institution: 'Southwestern University of Finance and Economics',
  institutionZh: '西南财经大学',
  organization: 'swufe',
};
const SCU: Pick<SeedEducation, 'institution' | 'institutionZh'> = { institution: 'Sichuan University', institutionZh: '四川大学' };

export const personSeedId = (slug: string) => seedId(`person:${slug}`);
export const affiliationSeedId = (personSlug: string, organizationSlug: string) => seedId(`affiliation:${personSlug}:${organizationSlug}`);

/**
 * The real people the two articles name, with the roles the articles give them and nothing more
 * (Li Zhaowei, Xu Qizhi, Guo Hong, Sun Hongwei); placeholders for the people they mention without a
 * name (four committee experts, the course instructor, a support-team member), with descriptive
 * names and nothing invented about them; and invented people, marked illustrative, who make the
 * seed usable. The training seed enrolls them by these slugs; the talent market seed refers to them.
 */
export const SEED_PEOPLE: SeedPerson[] = [
  {
    slug: 'li-zhaowei',
    name: 'Li Zhaowei',
    roles: [R.FOUNDER],
    bio: 'Set up the website "SowosSky Social Work Network" (青翼社会工作网) in 2003, in her third university year; it became SowosSky (青翼社会工作人才服务中心).',
    affiliations: [{ organization: 'sowossky', role: A.FOUNDER, title: 'Founder', provenance: sourced(SOWOSSKY, 'Set up the SowosSky website in 2003.') }],
    provenance: sourced(SOWOSSKY, 'The only person the SowosSky profile names; it gives no Chinese name.'),
  },
  {
    slug: 'xu-qizhi',
    name: 'Xu Qizhi',
    nameZh: '徐启智',
    roles: [R.RESEARCHER],
    province: 'Taiwan',
    bio: 'Public-welfare activist and scholar from Taiwan. In 2001, with professor Jiang Mingxiu (江明修) and incoming officials, designed the first NGO-incubator scheme in Greater China, in Taiwan; it did not succeed. Joined the preparation of the Chengdu NGO Service Park in February 2012; member of its advisory committee.',
    affiliations: [{ ...advisoryCommittee, provenance: sourced(PARK, 'One of the two committee members the article names.') }],
    provenance: sourced(PARK),
  },
  {
    slug: 'guo-hong',
    name: 'Guo Hong',
    nameZh: '郭虹',
    roles: [R.RESEARCHER],
    province: 'Sichuan',
    bio: "Director of the Sociology Institute of the Sichuan Provincial Academy of Social Sciences; member of the Chengdu NGO Service Park's advisory committee.",
    affiliations: [
      { ...advisoryCommittee, provenance: sourced(PARK, 'One of the two committee members the article names.') },
      { organization: 'sichuan-academy-of-social-sciences', role: A.DIRECTOR, title: 'Director of the Sociology Institute', provenance: sourced(PARK) },
    ],
    provenance: sourced(PARK),
  },
  {
    slug: 'sun-hongwei',
    name: 'Sun Hongwei',
    nameZh: '孙洪伟',
    roles: [R.FOUNDER],
    bio: 'Founder of SpinaChina (推动力公益发展中心).',
    affiliations: [{ organization: 'spinachina', role: A.FOUNDER, title: 'Founder', provenance: sourced(PARK) }],
    provenance: sourced(PARK),
  },
  ...[3, 4, 5, 6].map((n, i): SeedPerson => ({
    slug: `advisor-${i + 2}`,
    name: `Advisory committee expert ${n} (unnamed in the source)`,
    nameZh: `专家顾问委员会委员${'三四五六'[i]}（原文未具名）`,
    bio: "Stands for one of the four members of the Chengdu NGO Service Park's six-expert advisory committee whom the article does not name. Nothing else about them is known.",
    affiliations: [{ ...advisoryCommittee, provenance: STAND_IN }],
    provenance: STAND_IN,
  })),
  {
    slug: 'advisor-taiwan-supervisor',
    name: 'Supervisors course instructor (unnamed in the source)',
    nameZh: '高级社工督导班讲师（原文未具名）',
    bio: "Stands for the instructor of the Service Park's course for senior social-work supervisors, whom the article does not name: over 20 years of social-work experience; flies in from Taiwan every week.",
    affiliations: [],
    provenance: illustrative('a placeholder name for the unnamed instructor of the supervisors course; what the bio says is from the article.', PARK),
  },
  {
    slug: 'service-park-director',
    name: 'Service Park support-team member (illustrative)',
    nameZh: '服务园支持团队成员（示例）',
    roles: [R.NGO_STAFF],
    ...chengdu,
    bio: "Stands for a member of the Service Park's support team, seconded from a public institution (the article names none of them).",
    affiliations: [{ organization: PARK_SLUG, role: A.STAFF, title: 'Support team (seconded from a public institution)', provenance: STAND_IN }],
    provenance: illustrative("a placeholder for an unnamed member of the Service Park's support team.", PARK),
  },
  {
    slug: 'npi-hub-admin',
    name: 'NPI hub admin (illustrative account)',
    nameZh: '恩派平台管理员（示例账号）',
    roles: [R.NGO_STAFF],
    bio: "A fictional account that administers NPI's data in the seed sector, so that the sign-in example has someone to sign in as. Not NPI staff.",
    affiliations: [],
    provenance: illustrative('a hub account for trying the API; not a person.'),
  },
  {
    slug: 'advisor-swufe-professor',
    name: 'Liu Yang',
    nameZh: '刘洋',
    roles: [R.TEACHER],
    ...chengdu,
    languages: ['zh', 'en'],
    skills: ['social-work education', 'supervision'],
    bio: "Invented social-work lecturer who teaches at the seed's illustrative camp sessions and mentors the invented cohort founders.",
    affiliations: [{ organization: 'swufe', role: A.FACULTY, title: 'Lecturer in social work', provenance: FICTIONAL }],
    provenance: FICTIONAL,
  },
  {
    slug: 'elderly-care-founder',
    name: 'Li Xiuying',
    nameZh: '李秀英',
    roles: [R.FOUNDER, R.SOCIAL_WORKER],
    ...chengdu,
    languages: ['zh'],
    education: [{ institution: 'Chengdu University', institutionZh: '成都大学', degree: D.BACHELOR, major: 'Social work', year: 2005 }],
    qualifications: [
      { level: Q.ASSISTANT_SOCIAL_WORKER, year: 2008 },
      { level: Q.SOCIAL_WORKER, year: 2010 },
    ],
    skills: ['elderly care', 'case management'],
    bio: "Founder of the Chengdu Community Elderly Care Service Center, an invented member of the Service Park's first cohort.",
    affiliations: [{ organization: 'chengdu-community-elderly-care-center', role: A.FOUNDER, title: 'Founder', provenance: FICTIONAL }],
    provenance: FICTIONAL,
  },
  {
    slug: 'migrant-children-founder',
    name: 'Yang Fan',
    nameZh: '杨帆',
    roles: [R.FOUNDER, R.TEACHER],
    ...chengdu,
    languages: ['zh'],
    education: [{ institution: 'Sichuan Normal University', institutionZh: '四川师范大学', degree: D.BACHELOR, major: 'Education', year: 2003 }],
    skills: ['after-school education'],
    bio: "Founder of the Chengdu Migrant Children Learning Center, an invented member of the Service Park's first cohort.",
    affiliations: [{ organization: 'chengdu-migrant-children-center', role: A.FOUNDER, title: 'Founder', provenance: FICTIONAL }],
    provenance: FICTIONAL,
  },
  {
    slug: 'legal-aid-founder',
    name: 'Xu Ming',
    nameZh: '徐明',
    roles: [R.FOUNDER],
    ...chengdu,
    languages: ['zh'],
    education: [{ ...SCU, degree: D.BACHELOR, major: 'Law', year: 2001 }],
    skills: ['legal aid', 'mediation'],
    bio: "Founder of the Chengdu Community Legal Service Center, an invented member of the Service Park's first cohort.",
    affiliations: [{ organization: 'chengdu-community-legal-aid', role: A.FOUNDER, title: 'Founder', provenance: FICTIONAL }],
    provenance: FICTIONAL,
  },
  {
    slug: 'student-1',
    name: 'Sun Yue',
    nameZh: '孙悦',
    roles: [R.STUDENT],
    ...chengdu,
    languages: ['zh', 'en'],
    skills: ['case management', 'group work'],
    openToWork: true,
    education: [{ ...SWUFE, degree: D.BACHELOR, major: 'Social work', year: 2026 }],
    bio: 'Invented social-work student who has signed up for the "Spread Your Wings" training camp.',
    affiliations: [{ organization: 'swufe', role: A.STUDENT, title: 'Undergraduate, social work', startedOn: '2022-09-01', provenance: FICTIONAL }],
    provenance: FICTIONAL,
  },
  {
    slug: 'student-2',
    name: 'Ma Lin',
    nameZh: '马琳',
    roles: [R.STUDENT, R.VOLUNTEER],
    ...chengdu,
    languages: ['zh'],
    skills: ['after-school education', 'group work'],
    openToWork: true,
    education: [{ ...SCU, degree: D.BACHELOR, major: 'Social work', year: 2027 }],
    bio: 'Invented social-work student who volunteers at the Chengdu Migrant Children Learning Center and has signed up for the "Spread Your Wings" training camp.',
    affiliations: [
      { organization: 'chengdu-migrant-children-center', role: A.VOLUNTEER, title: 'Volunteer tutor', startedOn: '2023-03-01', provenance: FICTIONAL },
    ],
    provenance: FICTIONAL,
  },
  {
    slug: 'supervisor-trainee-1',
    name: 'He Jun',
    nameZh: '何军',
    roles: [R.SOCIAL_WORKER, R.NGO_STAFF],
    ...chengdu,
    languages: ['zh'],
    openToWork: true,
    education: [{ ...SCU, degree: D.BACHELOR, major: 'Social work', year: 2009 }],
    qualifications: [{ level: Q.SOCIAL_WORKER, year: 2011 }],
    skills: ['case management', 'elderly care'],
    bio: 'Invented social worker at the Chengdu Community Elderly Care Service Center; trainee of the course for senior social-work supervisors.',
    affiliations: [
      { organization: 'npi-chengdu', role: A.STAFF, title: 'Programme assistant', startedOn: '2010-03-01', endedOn: '2012-06-30', provenance: FICTIONAL },
      { organization: 'chengdu-community-elderly-care-center', role: A.STAFF, title: 'Social worker', startedOn: '2012-07-01', provenance: FICTIONAL },
    ],
    provenance: FICTIONAL,
  },
  {
    slug: 'supervisor-trainee-2',
    name: 'Gao Ping',
    nameZh: '高萍',
    roles: [R.SOCIAL_WORKER, R.NGO_STAFF],
    ...chengdu,
    languages: ['zh'],
    education: [{ ...SWUFE, degree: D.MASTER, major: 'Social work', year: 2010 }],
    qualifications: [{ level: Q.SENIOR_SOCIAL_WORKER }],
    skills: ['group work', 'supervision'],
    bio: 'Invented senior social worker at the Chengdu Community Legal Service Center; trainee of the course for senior social-work supervisors.',
    affiliations: [
      { organization: 'chengdu-community-legal-aid', role: A.STAFF, title: 'Senior social worker', startedOn: '2011-09-01', provenance: FICTIONAL },
    ],
    provenance: FICTIONAL,
  },
];

/**
 * What an earlier seed stated that the sources do not: NPI's founder (a real person they never
 * mention) as NPI's founder record and on the Service Park's committee; a placeholder founder of
 * SowosSky in place of Li Zhaowei; committee seats and posts given to invented people. Taken back
 * (with their affiliations, education and qualifications) when the seed loads.
 */
export const RETRACTED_PEOPLE = ['lu-zhao', 'sowossky-founder'];
export const RETRACTED_AFFILIATIONS: [person: string, organization: string][] = [
  ['lu-zhao', 'npi'],
  ['lu-zhao', PARK_SLUG],
  ['sowossky-founder', 'sowossky'],
  ['advisor-swufe-professor', PARK_SLUG],
  ['advisor-taiwan-supervisor', PARK_SLUG],
  ['advisor-taiwan-supervisor', 'taiwan-red-cross'],
  ['advisor-3', 'chengdu-civil-affairs-bureau'],
  ['advisor-4', 'chengdu-social-organization-development-foundation'],
];

/** Rows are plain data: an entity instance would carry its collections into the INSERT. */
export async function seedPeople(em: EntityManager, log: Logger): Promise<number> {
  const people: RequiredEntityData<Person>[] = SEED_PEOPLE.map(({ slug, affiliations: _a, education: _e, qualifications: _q, ...fields }) => ({
    ...fields,
    id: personSeedId(slug),
  }));
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
  const retractedPeople = RETRACTED_PEOPLE.map(personSeedId);
  const seededPeople = SEED_PEOPLE.map((p) => personSeedId(p.slug));
  const withdrawn = {
    affiliations:
      (await retractSeed(
        em,
        Affiliation,
        RETRACTED_AFFILIATIONS.map(([person, organization]) => affiliationSeedId(person, organization)),
      )) + (await em.nativeDelete(Affiliation, { person: { $in: retractedPeople } })),
    // the seed states a seeded person's whole education and qualifications: rows of its own it no longer states go
    education: await em.nativeDelete(Education, { person: { $in: [...retractedPeople, ...seededPeople] }, id: { $nin: education.map((e) => e.id as string) } }),
    qualifications: await em.nativeDelete(Qualification, {
      person: { $in: [...retractedPeople, ...seededPeople] },
      id: { $nin: qualifications.map((q) => q.id as string) },
    }),
    people: await retractSeed(em, Person, retractedPeople),
  };
  const written = {
    people: await upsertSeed(em, Person, people),
    // the seed states the roles; the consent of each side (confirmed once, by seed/affiliation-consent.seed.ts) is kept
    affiliations: await upsertSeed(em, Affiliation, affiliations, { keep: ['personConfirmedAt', 'organizationConfirmedAt'] }),
    education: await upsertSeed(em, Education, education),
    qualifications: await upsertSeed(em, Qualification, qualifications),
  };
  const market = await seedTalentMarket(em);
  log.info({ ...written, withdrawn, ...market }, 'people seeded');
  return [...Object.values(written), ...Object.values(withdrawn), ...Object.values(market)].reduce((sum, n) => sum + n, 0);
}
