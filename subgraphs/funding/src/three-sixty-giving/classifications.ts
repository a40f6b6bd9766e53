import { CauseArea } from '@ngo-hub/kit';

/** The classification vocabulary the export writes cause areas in; the import reads it back as it is. */
export const CAUSE_AREA_VOCABULARY = 'NGOHub-CauseArea';

/**
 * 360Giving classifications are each publisher's own words ("Arts", "Children and young
 * people", "Beneficiary / Older people"): the hub's causes are recognised in them by keyword.
 */
const KEYWORDS: readonly [RegExp, CauseArea][] = [
  [/\b(children|child|young people|youth|adolescen\w*|care leavers)\b|儿童|青少年/i, CauseArea.CHILDREN_AND_YOUTH],
  [/\b(older people|elderly|ageing|aging|old age)\b|养老|老年/i, CauseArea.ELDERLY_CARE],
  [/\bdisab\w*|残障|残疾/i, CauseArea.DISABILITY],
  [/\b(education|school\w*|learning|literacy)\b|教育/i, CauseArea.EDUCATION],
  [/\b(health|medical|mental|wellbeing)\b|健康|医疗/i, CauseArea.HEALTH],
  [/\b(poverty|livelihoods?|income|rural)\b|扶贫|贫困/i, CauseArea.POVERTY_ALLEVIATION],
  [/\b(communit(y|ies)|neighbourhood)\b|社区/i, CauseArea.COMMUNITY_DEVELOPMENT],
  [/\bsocial work\b|社工/i, CauseArea.SOCIAL_WORK],
  [/\b(environment\w*|climate|conservation|nature|biodiversity)\b|环保|环境/i, CauseArea.ENVIRONMENT],
  [/\b(employment|employability|jobs?|skills)\b|就业/i, CauseArea.EMPLOYMENT],
  [/\b(legal|law|justice|injustice|rights)\b|法律/i, CauseArea.LEGAL_AID],
  [/\b(arts?|culture|cultural|heritage|music|theatre)\b|文化|艺术/i, CauseArea.CULTURE],
  [/\b(disaster|emergenc(y|ies)|relief)\b|救灾/i, CauseArea.DISASTER_RELIEF],
  [/\bmigrants?\b|流动|农民工/i, CauseArea.MIGRANT_WORKERS],
  [/\b(women|gender|girls)\b|妇女|性别/i, CauseArea.GENDER_EQUALITY],
  [/\b(capacity building|infrastructure|voluntary sector|incubat\w*)\b|能力建设|孵化/i, CauseArea.SECTOR_CAPACITY_BUILDING],
  [/\b(philanthropy|giving|fundraising)\b|公益|慈善/i, CauseArea.PHILANTHROPY],
];

const CAUSE_AREAS = new Set<string>(Object.values(CauseArea));

export interface Classification {
  vocabulary?: unknown;
  code?: unknown;
  title?: unknown;
}

/** The hub's causes in a grant's classifications: the hub's own vocabulary exactly, others by keyword. */
export function causeAreasOf(classifications: readonly Classification[]): CauseArea[] {
  const found = new Set<CauseArea>();
  for (const classification of classifications) {
    if (classification.vocabulary === CAUSE_AREA_VOCABULARY && typeof classification.code === 'string' && CAUSE_AREAS.has(classification.code)) {
      found.add(classification.code as CauseArea);
      continue;
    }
    const text = [classification.title, classification.code].filter((t): t is string => typeof t === 'string').join(' ');
    for (const [pattern, cause] of KEYWORDS) if (pattern.test(text)) found.add(cause);
  }
  return [...found];
}

export function classificationsOf(causeAreas: readonly CauseArea[]): { vocabulary: string; code: string; title: string }[] {
  return causeAreas.map((cause) => ({ vocabulary: CAUSE_AREA_VOCABULARY, code: cause, title: cause.toLowerCase().replace(/_/g, ' ') }));
}
