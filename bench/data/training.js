'use strict';
// The training subgraph's share: courses held in the offering organization's city (a fifth offered
// by two organizations), each with enrollments up to its capacity, never beyond.
const { rowId, rowRandom } = require('./random');
const { writeTable } = require('./bulk-insert');
const { COURSE_KINDS, COURSE_TOPICS, CAUSE_AREAS } = require('./vocabulary');

function offeringOrganization(sector, course) {
  return rowRandom(sector.seed, 'offered-by', course).skewed(sector.sizes.orgs, 2);
}

function capacityOf(sector, course) {
  return rowRandom(sector.seed, 'course', course).int(10, 60);
}

async function writeTraining(pool, sector) {
  const { courses, orgs, people } = sector.sizes;
  const seconds = Math.floor(courses / 5);
  let rows = await writeTable(pool, {
    table: 'training.course',
    columns: [
      ['id', 'uuid'],
      ['title', 'text'],
      ['title_zh', 'text'],
      ['kind', 'text'],
      ['description', 'text'],
      ['city', 'text'],
      ['online', 'bool'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
      ['language', 'text'],
      ['capacity', 'int4'],
      ['cause_areas', 'text[]'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    units: courses,
    rowsOf(n) {
      const r = rowRandom(sector.seed, 'course', n);
      const capacity = r.int(10, 60);
      const city = sector.city(offeringOrganization(sector, n));
      const [topicEn, topicZh] = r.pick(COURSE_TOPICS);
      const kind = r.weighted(COURSE_KINDS);
      const starts = r.date(2015, 2027);
      const ends = new Date(Date.parse(starts) + r.int(0, 30) * 86400000).toISOString().slice(0, 10);
      return [
        [
          rowId(sector.seed, 'course', n),
          `${topicEn} (${city.name})`,
          `${topicZh}（${city.nameZh}）`,
          kind,
          `${topicEn} for practitioners in ${city.name}.`,
          city.name,
          kind === 'DISTANCE_LEARNING',
          starts,
          ends,
          r.chance(0.85) ? 'zh' : 'en',
          capacity,
          r.some(CAUSE_AREAS, r.int(1, 2)),
          `${starts}T00:00:00Z`,
          `${starts}T00:00:00Z`,
        ],
      ];
    },
  });
  rows += await writeTable(pool, {
    table: 'training.course_offering',
    columns: [
      ['id', 'uuid'],
      ['course_id', 'uuid'],
      ['organization_id', 'uuid'],
      ['position', 'int2'],
      ['created_at', 'timestamptz'],
    ],
    units: courses + seconds,
    rowsOf(n) {
      const course = n < courses ? n : (n - courses) * 5;
      const first = offeringOrganization(sector, course);
      const organization = n < courses ? first : (first + 1 + rowRandom(sector.seed, 'co-offered-by', course).int(0, orgs - 2)) % orgs;
      return [
        [
          rowId(sector.seed, 'course_offering', n),
          rowId(sector.seed, 'course', course),
          sector.organizationId(organization),
          n < courses ? 0 : 1,
          '2026-01-01T00:00:00Z',
        ],
      ];
    },
  });
  rows += await writeTable(pool, {
    table: 'training.enrollment',
    columns: [
      ['id', 'uuid'],
      ['course_id', 'uuid'],
      ['person_id', 'uuid'],
      ['status', 'text'],
      ['applied_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    units: courses,
    rowsOf(n) {
      const r = rowRandom(sector.seed, 'enrollments', n);
      const capacity = capacityOf(sector, n);
      const count = Math.min(capacity, r.int(0, 20), people);
      const persons = new Set();
      while (persons.size < count) persons.add(r.int(0, people - 1));
      return [...persons].map((person, j) => [
        rowId(sector.seed, 'enrollment', `${n}.${j}`),
        rowId(sector.seed, 'course', n),
        rowId(sector.seed, 'person', person),
        r.weighted([
          ['ENROLLED', 60],
          ['COMPLETED', 30],
          ['APPLIED', 5],
          ['DROPPED', 5],
        ]),
        '2026-01-01T00:00:00Z',
        '2026-01-01T00:00:00Z',
      ]);
    },
  });
  return rows;
}

module.exports = { writeTraining, tables: ['training.course', 'training.course_offering', 'training.enrollment'] };
