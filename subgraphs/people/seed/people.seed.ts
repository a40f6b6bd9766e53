import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { insertMissing, seedId, type Logger } from '@ngo-hub/kit';
import { Affiliation, AffiliationRole } from '../src/entities/affiliation';
import { Person, PersonRole, SocialWorkQualification } from '../src/entities/person';

interface SeedAffiliation {
  /** Slug of an organization of the organizations seed (`seedId('org:<slug>')`). */
  organization: string;
  role: AffiliationRole;
  title?: string;
  startedOn?: string;
  endedOn?: string;
}

type SeedPerson = Omit<Partial<Person>, 'affiliations'> & {
  slug: string;
  name: string;
  affiliations: SeedAffiliation[];
};

const R = PersonRole;
const A = AffiliationRole;
const Q = SocialWorkQualification;
const PARK = 'chengdu-ngo-service-park';
const advisoryCommittee: SeedAffiliation = { organization: PARK, role: A.ADVISOR, title: 'Advisory committee member' };
const chengdu = { city: 'Chengdu', province: 'Sichuan' };

export const personSeedId = (slug: string) => seedId(`person:${slug}`);
export const affiliationSeedId = (personSlug: string, organizationSlug: string) => seedId(`affiliation:${personSlug}:${organizationSlug}`);

/**
 * The people the source documents name, and the roles they hold there. Lü Zhao is a real person
 * and is described only by his known roles; the source documents do not name the others, so they
 * carry placeholder names (said so in their bio). The training seed enrolls them by these slugs.
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
    skills: ['online community building', 'social-work education'],
    bio: 'Founder of SowosSky (社工天空), the social-work portal that runs the "Spread Your Wings" training camp. Placeholder name.',
    affiliations: [{ organization: 'sowossky', role: A.FOUNDER, title: 'Founder' }],
  },
  {
    slug: 'service-park-director', name: 'Wang Lei', nameZh: '王磊', roles: [R.NGO_STAFF], ...chengdu,
    skills: ['NGO incubation', 'capacity building'],
    bio: 'Director of the Chengdu NGO Service Park. Placeholder name.',
    affiliations: [{ organization: PARK, role: A.DIRECTOR, title: 'Director' }],
  },
  {
    slug: 'advisor-swufe-professor', name: 'Liu Yang', nameZh: '刘洋', roles: [R.TEACHER, R.RESEARCHER], ...chengdu,
    skills: ['social-work education', 'supervision'],
    bio: 'Professor of social work at the Southwestern University of Finance and Economics; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee, { organization: 'swufe', role: A.FACULTY, title: 'Professor of Social Work' }],
  },
  {
    slug: 'advisor-taiwan-supervisor', name: 'Lin Mei-hua', nameZh: '林美華', roles: [R.SOCIAL_WORKER], city: 'Taipei', province: 'Taiwan',
    skills: ['social-work supervision', 'disaster relief'],
    bio: 'Senior social-work supervisor with the Taiwan Red Cross; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee, { organization: 'taiwan-red-cross', role: A.STAFF, title: 'Senior social-work supervisor' }],
  },
  {
    slug: 'advisor-2', name: 'Zhao Min', nameZh: '赵敏', roles: [R.RESEARCHER], ...chengdu,
    bio: 'Researcher of the non-profit sector; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee],
  },
  {
    slug: 'advisor-3', name: 'Huang Jian', nameZh: '黄建', roles: [R.OFFICIAL], ...chengdu,
    bio: 'Official of the Chengdu Civil Affairs Bureau; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee, { organization: 'chengdu-civil-affairs-bureau', role: A.STAFF, title: 'Official' }],
  },
  {
    slug: 'advisor-4', name: 'Zhou Li', nameZh: '周丽', roles: [R.NGO_STAFF], ...chengdu,
    skills: ['grant-making'],
    bio: 'Programme officer at the Chengdu Social Organization Development Foundation; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee, { organization: 'chengdu-social-organization-development-foundation', role: A.STAFF, title: 'Programme officer' }],
  },
  {
    slug: 'advisor-5', name: 'Wu Hong', nameZh: '吴红', roles: [R.SOCIAL_WORKER], qualification: Q.SENIOR_SOCIAL_WORKER, ...chengdu,
    skills: ['community work', 'supervision'],
    bio: 'Senior social worker; member of the Chengdu NGO Service Park\'s advisory committee. Placeholder name.',
    affiliations: [advisoryCommittee],
  },
  {
    slug: 'elderly-care-founder', name: 'Li Xiuying', nameZh: '李秀英', roles: [R.FOUNDER, R.SOCIAL_WORKER], qualification: Q.SOCIAL_WORKER, ...chengdu,
    skills: ['elderly care', 'case management'],
    bio: 'Founder of the Chengdu Community Elderly Care Service Center, incubated in the Chengdu NGO Service Park\'s first cohort. Placeholder name.',
    affiliations: [{ organization: 'chengdu-community-elderly-care-center', role: A.FOUNDER, title: 'Founder' }],
  },
  {
    slug: 'migrant-children-founder', name: 'Yang Fan', nameZh: '杨帆', roles: [R.FOUNDER, R.TEACHER], ...chengdu,
    skills: ['after-school education'],
    bio: 'Founder of the Chengdu Migrant Children Learning Center, incubated in the Chengdu NGO Service Park\'s first cohort. Placeholder name.',
    affiliations: [{ organization: 'chengdu-migrant-children-center', role: A.FOUNDER, title: 'Founder' }],
  },
  {
    slug: 'legal-aid-founder', name: 'Xu Ming', nameZh: '徐明', roles: [R.FOUNDER], ...chengdu,
    skills: ['legal aid', 'mediation'],
    bio: 'Founder of the Chengdu Community Legal Service Center, incubated in the Chengdu NGO Service Park\'s first cohort. Placeholder name.',
    affiliations: [{ organization: 'chengdu-community-legal-aid', role: A.FOUNDER, title: 'Founder' }],
  },
  {
    slug: 'student-1', name: 'Sun Yue', nameZh: '孙悦', roles: [R.STUDENT], ...chengdu,
    bio: 'Social-work student at the Southwestern University of Finance and Economics; attends SowosSky\'s "Spread Your Wings" training camp. Placeholder name.',
    affiliations: [{ organization: 'swufe', role: A.STUDENT, title: 'Undergraduate, social work', startedOn: '2022-09-01' }],
  },
  {
    slug: 'student-2', name: 'Ma Lin', nameZh: '马琳', roles: [R.STUDENT, R.VOLUNTEER], ...chengdu,
    bio: 'Social-work student who volunteers at the Chengdu Migrant Children Learning Center; attends SowosSky\'s "Spread Your Wings" training camp. Placeholder name.',
    affiliations: [{ organization: 'chengdu-migrant-children-center', role: A.VOLUNTEER, title: 'Volunteer tutor', startedOn: '2023-03-01' }],
  },
  {
    slug: 'supervisor-trainee-1', name: 'He Jun', nameZh: '何军', roles: [R.SOCIAL_WORKER, R.NGO_STAFF], qualification: Q.SOCIAL_WORKER, ...chengdu,
    skills: ['case management', 'elderly care'],
    bio: 'Social worker at the Chengdu Community Elderly Care Service Center; trainee of the senior social-work supervisors course. Placeholder name.',
    affiliations: [
      { organization: 'npi-chengdu', role: A.STAFF, title: 'Programme assistant', startedOn: '2010-03-01', endedOn: '2012-06-30' },
      { organization: 'chengdu-community-elderly-care-center', role: A.STAFF, title: 'Social worker', startedOn: '2012-07-01' },
    ],
  },
  {
    slug: 'supervisor-trainee-2', name: 'Gao Ping', nameZh: '高萍', roles: [R.SOCIAL_WORKER, R.NGO_STAFF], qualification: Q.SENIOR_SOCIAL_WORKER, ...chengdu,
    skills: ['group work', 'supervision'],
    bio: 'Senior social worker at the Chengdu Community Legal Service Center; trainee of the senior social-work supervisors course. Placeholder name.',
    affiliations: [{ organization: 'chengdu-community-legal-aid', role: A.STAFF, title: 'Senior social worker', startedOn: '2011-09-01' }],
  },
];

/** Rows are plain data: an entity instance would carry its `affiliations` collection into the INSERT. */
export async function seedPeople(em: EntityManager, log: Logger): Promise<number> {
  const people: RequiredEntityData<Person>[] = SEED_PEOPLE.map(({ slug, affiliations: _affiliations, ...fields }) => ({ ...fields, id: personSeedId(slug) }));
  const affiliations: RequiredEntityData<Affiliation>[] = SEED_PEOPLE.flatMap(({ slug, affiliations }) =>
    affiliations.map(({ organization, ...fields }) => ({
      ...fields,
      id: affiliationSeedId(slug, organization),
      person: personSeedId(slug),
      organizationId: seedId(`org:${organization}`),
    })),
  );
  const writtenPeople = await insertMissing(em, Person, people);
  const writtenAffiliations = await insertMissing(em, Affiliation, affiliations);
  log.info({ people: writtenPeople, affiliations: writtenAffiliations }, 'people seeded');
  return writtenPeople + writtenAffiliations;
}
