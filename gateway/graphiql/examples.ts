/** Saved example operations shown as GraphiQL tabs on first visit: the sector map, one question at a time. */
export const EXAMPLES: { query: string; variables?: string }[] = [
  {
    query: `# One question, four subgraphs: an incubator's people, the grants it received,
# the courses it offers and who enrolled.
query ServiceParkAtAGlance($search: String = "Service Park") {
  organizations(filter: { search: $search }, first: 1) {
    nodes {
      name
      nameZh
      kind
      city
      registration { status authority }
      people(first: 20) {
        nodes {
          role
          title
          person {
            name
            nameZh
            enrollments(first: 5) { nodes { status course { title titleZh } } }
          }
        }
      }
      grantsReceived(first: 10) { nodes { title amountAwarded { amount currency } funder { name } } }
      totalReceived { amount currency }
      coursesOffered(first: 10) { nodes { title kind startsOn offeredBy { name } } }
    }
  }
}
`,
  },
  {
    query: `# Who received Chengdu's 2012 purchase of social services?
query ChengduServicePurchases {
  organizations(filter: { city: "Chengdu", kinds: [GOVERNMENT_AGENCY] }) {
    nodes {
      name
      grantsMade(first: 20) {
        totalCount
        nodes { title amountAwarded { amount currency } recipient { name nameZh causeAreas } }
      }
      totalAwarded { amount currency }
    }
  }
}
`,
  },
  {
    query: `# Incubators and what they incubate, by city.
query Incubators {
  organizations(filter: { kinds: [INCUBATOR] }, first: 20) {
    totalCount
    nodes { name nameZh city stage foundedOn description }
  }
}
`,
  },
  {
    query: `# Search works in Chinese too.
query SearchInChinese {
  organizations(filter: { search: "成都" }, first: 20) {
    nodes { name nameZh kind causeAreas registration { status legalForm } }
  }
}
`,
  },
];
