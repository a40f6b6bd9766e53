'use strict';
// The listings a directory user pages through: by city, kind, cause, Chinese and English text,
// for organizations, people, grants and courses. `service` names the subgraph function behind the
// root field, so the benchmark can EXPLAIN the very SQL the subgraph sends.

const ORGANIZATIONS = `query Organizations($filter: OrganizationFilter, $after: String) {
  organizations(filter: $filter, first: 20, after: $after) { nodes { id name nameZh kind city causeAreas } pageInfo { hasNextPage endCursor } } }`;
const ORGANIZATIONS_COUNTED = `query OrganizationsCounted($filter: OrganizationFilter) {
  organizations(filter: $filter, first: 20) { totalCount nodes { id name nameZh kind city causeAreas } pageInfo { hasNextPage endCursor } } }`;
const PEOPLE = `query People($filter: PersonFilter, $after: String) {
  people(filter: $filter, first: 20, after: $after) { nodes { id name nameZh city roles skills } pageInfo { hasNextPage endCursor } } }`;
const GRANTS = `query Grants($filter: GrantFilter, $after: String) {
  grants(filter: $filter, first: 20, after: $after) { nodes { id title amountAwarded { amount currency } awardDate } pageInfo { hasNextPage endCursor } } }`;
const COURSES = `query Courses($filter: CourseFilter, $after: String) {
  courses(filter: $filter, first: 20, after: $after) { nodes { id title titleZh kind city startsOn } pageInfo { hasNextPage endCursor } } }`;

const organizations = { subgraph: 'organizations', module: '@ngo-hub/organizations/dist/src/services/organizations', fn: 'listOrganizations' };
const people = { subgraph: 'people', module: '@ngo-hub/people/dist/src/services/people', fn: 'listPeople' };
// listGrants looks org-ids up in the organizations subgraph: it takes an OrganizationDirectory first
const grants = { subgraph: 'funding', module: '@ngo-hub/funding/dist/src/services/grants', fn: 'listGrants', directory: true };
const courses = { subgraph: 'training', module: '@ngo-hub/training/dist/src/services/courses', fn: 'listCourses' };

const LISTINGS = [
  { name: 'organizations in Shanghai (largest city)', query: ORGANIZATIONS, filter: { city: 'Shanghai' }, service: organizations },
  { name: 'organizations in Shanghai, page 2', query: ORGANIZATIONS, filter: { city: 'Shanghai' }, service: organizations, secondPage: true },
  { name: 'organizations in Zigong (smallest city)', query: ORGANIZATIONS, filter: { city: 'Zigong' }, service: organizations },
  { name: 'organizations of kind FOUNDATION', query: ORGANIZATIONS, filter: { kinds: ['FOUNDATION'] }, service: organizations },
  { name: 'organizations with cause ELDERLY_CARE', query: ORGANIZATIONS, filter: { causeAreas: ['ELDERLY_CARE'] }, service: organizations },
  {
    name: 'organizations: Chengdu + NGO + EDUCATION',
    query: ORGANIZATIONS,
    filter: { city: 'Chengdu', kinds: ['NGO'], causeAreas: ['EDUCATION'] },
    service: organizations,
  },
  { name: 'organizations matching "阳光" (Chinese)', query: ORGANIZATIONS, filter: { search: '阳光' }, service: organizations },
  { name: 'organizations matching "sunshine" (English)', query: ORGANIZATIONS, filter: { search: 'sunshine' }, service: organizations },
  { name: 'organizations matching "成都市锦江区阳光" (rare)', query: ORGANIZATIONS, filter: { search: '成都市锦江区阳光' }, service: organizations },
  { name: 'organizations in Shanghai with totalCount', query: ORGANIZATIONS_COUNTED, filter: { city: 'Shanghai' }, service: organizations, counted: true },
  { name: 'organizations matching "阳光" with totalCount', query: ORGANIZATIONS_COUNTED, filter: { search: '阳光' }, service: organizations, counted: true },
  { name: 'people in Chengdu', query: PEOPLE, filter: { city: 'Chengdu' }, service: people },
  { name: 'people matching "王芳" (Chinese)', query: PEOPLE, filter: { search: '王芳' }, service: people },
  { name: 'people matching "wang fang" (English)', query: PEOPLE, filter: { search: 'wang fang' }, service: people },
  { name: 'grants matching "日间照料" (Chinese)', query: GRANTS, filter: { search: '日间照料' }, service: grants },
  { name: 'grants matching "river protection" (English)', query: GRANTS, filter: { search: 'river protection' }, service: grants },
  { name: 'courses in Chengdu', query: COURSES, filter: { city: 'Chengdu' }, service: courses },
  { name: 'courses matching "督导" (Chinese)', query: COURSES, filter: { search: '督导' }, service: courses },
];

module.exports = { LISTINGS };
