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
  {
    query: `# The sector map of a city: counts by kind, cause, registration and stage, and its network.
query ChengduSectorMap {
  sectorMap(filter: { city: "Chengdu" }) {
    organizationCount
    byKind { key count }
    byCauseArea { key count }
    byRegistrationStatus { key count }
    byStage { key count }
    network {
      truncated
      nodes { inScope organization { name nameZh kind } }
      edges { kind fromId toId active incubationStatus }
    }
  }
}
`,
  },
  {
    query: `# Anyone can check a certificate by its code: who completed what, when, issued by whom.
query VerifyCertificate {
  verifyCertificate(code: "CGJF-6P3C-2EQP") {
    holderName
    holderNameZh
    completedOn
    course { title titleZh }
    issuedBy { name nameZh }
  }
}
`,
  },
  {
    query: `# A partner's first query: a city's organizations, ten at a time.
# For the next page, pass pageInfo.endCursor as $after until hasNextPage is false.
# Send your API key in Headers: {"x-api-key": "<your key>"} (anonymous callers read the public directory).
query OrganizationsOfACity($city: String = "Chengdu", $after: String) {
  organizations(filter: { city: $city }, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name nameZh kind causeAreas city registration { status } }
  }
}
`,
  },
  {
    query: `# Live grants for a partner's back end: each award as it is committed (graphql-ws on /graphql).
# GraphiQL opens the socket with the Headers tab as connectionParams, so signed-in callers see what their key may read.
subscription GrantsAwarded {
  grantAwarded {
    eventId
    grant { title amountAwarded { amount currency } funder { name } recipient { name city } }
  }
}
`,
  },
  {
    query: `# Live: everything that changes in Chengdu's sector, as it is committed (graphql-ws on /graphql).
# Run it, then award a grant or create an organization in Chengdu from another tab.
# Resume after a disconnection with since: "<the last eventId you saw>".
subscription ChengduSectorActivity {
  sectorActivity(filter: { city: "Chengdu" }) {
    eventId
    occurredAt
    kind
    summary
    organization { name nameZh kind }
    grant { title amountAwarded { amount currency } funder { name } }
    jobPosting { title kind }
  }
}
`,
  },
];
