export interface SeedLesson {
  slug: string;
  title: string;
  titleZh: string;
  durationMinutes: number;
}

export interface SeedModule {
  slug: string;
  title: string;
  titleZh: string;
  summary: string;
  lessons: SeedLesson[];
}

/** The online course's modules and lessons, in order (`seedId('module:<course>:<slug>')`, `seedId('lesson:<course>:<slug>')`). */
export const SEED_CURRICULUM: { course: string; modules: SeedModule[] } = {
  course: 'social-work-foundations-online',
  modules: [
    {
      slug: 'values',
      title: 'Values and ethics',
      titleZh: '价值观与伦理',
      summary: 'What social work stands for, and the ethical choices of everyday practice.',
      lessons: [
        { slug: 'what-is-social-work', title: 'What social work is', titleZh: '什么是社会工作', durationMinutes: 60 },
        { slug: 'values', title: 'Core values: dignity, self-determination, justice', titleZh: '核心价值：尊严、自决与公正', durationMinutes: 75 },
        { slug: 'ethics', title: 'Ethical dilemmas in practice', titleZh: '实务中的伦理困境', durationMinutes: 90 },
      ],
    },
    {
      slug: 'casework',
      title: 'Casework',
      titleZh: '个案工作',
      summary: 'Working with one person or family, from first contact to closing.',
      lessons: [
        { slug: 'engagement', title: 'Engagement and interviewing', titleZh: '接案与会谈', durationMinutes: 75 },
        { slug: 'assessment', title: 'Assessment and planning', titleZh: '预估与计划', durationMinutes: 75 },
        { slug: 'intervention', title: 'Intervention, evaluation and closing', titleZh: '介入、评估与结案', durationMinutes: 90 },
      ],
    },
    {
      slug: 'group-work',
      title: 'Group work',
      titleZh: '小组工作',
      summary: 'Planning and leading groups in communities and NGOs.',
      lessons: [
        { slug: 'planning', title: 'Planning a group', titleZh: '小组策划', durationMinutes: 60 },
        { slug: 'leading', title: 'Leading a group through its stages', titleZh: '带领小组的各个阶段', durationMinutes: 90 },
      ],
    },
  ],
};

/** Lessons the online course's enrolled people have completed: by person slug, the lesson slugs ("module/lesson"). */
export const SEED_PROGRESS: Record<string, string[]> = {
  'student-2': ['values/what-is-social-work', 'values/values', 'values/ethics'],
  'student-1': ['values/what-is-social-work'],
  'migrant-children-founder': SEED_CURRICULUM.modules.flatMap((m) => m.lessons.map((l) => `${m.slug}/${l.slug}`)),
};
