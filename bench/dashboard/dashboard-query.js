'use strict';
// The sector dashboard: a city's organizations with their people (and what those people study),
// grants received with totals per currency, and courses offered with their enrollments. Four
// subgraphs, five levels deep; the same shape as test/n-plus-one.test.ts.
const DASHBOARD_QUERY = `
  query Dashboard($city: String!, $first: Int!) {
    organizations(filter: { city: $city }, first: $first) {
      nodes {
        name
        people(first: 10) { nodes { role person { name enrollments(first: 5) { nodes { status course { title } } } } } }
        grantsReceived(first: 10) { nodes { title amountAwarded { amount currency } funder { name } } }
        totalReceived { amount currency }
        coursesOffered(first: 10) { nodes { title enrolledCount offeredBy { name } enrollments(first: 10) { nodes { status person { name } } } } }
      }
    }
  }`;

/** The organization fields of the dashboard, for queries that ask for several pages at once. */
const ORGANIZATION_FIELDS = DASHBOARD_QUERY.slice(
  DASHBOARD_QUERY.indexOf('nodes {') + 'nodes {'.length,
  DASHBOARD_QUERY.lastIndexOf('}', DASHBOARD_QUERY.lastIndexOf('}', DASHBOARD_QUERY.lastIndexOf('}') - 1) - 1),
);

/**
 * The dashboard over `pages` pages of 100 organizations in one request (a page holds at most 100):
 * 200 organizations are two aliased pages, the second starting at `$after1`.
 */
function dashboardPagesQuery(pages) {
  const declarations = Array.from({ length: pages - 1 }, (_, i) => `, $after${i + 1}: String!`).join('');
  const lists = Array.from(
    { length: pages },
    (_, i) => `page${i}: organizations(filter: { city: $city }, first: 100${i ? `, after: $after${i}` : ''}) { nodes { ${ORGANIZATION_FIELDS} } }`,
  );
  return `query DashboardPages($city: String!${declarations}) { ${lists.join('\n')} }`;
}

module.exports = { DASHBOARD_QUERY, dashboardPagesQuery };
