import { graphql } from './gql';
import type { OrganizationsOfACityQuery } from './gql/graphql';
import { HubClient } from './hub-client';

// A partner's first program: mirror a city's organizations, then listen for grants as they are awarded.
// HUB_URL (default http://localhost:4000/graphql), HUB_API_KEY, CITY (default Chengdu), EVENTS (grants to wait for).

const OrganizationsOfACity = graphql(`
  query OrganizationsOfACity($city: String!, $after: String) {
    organizations(filter: { city: $city }, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        nameZh
        kind
        city
      }
    }
  }
`);

const GrantsAwarded = graphql(`
  subscription GrantsAwarded($recipient: ID) {
    grantAwarded(filter: { recipient: $recipient }) {
      eventId
      grant {
        title
        amountAwarded {
          amount
          currency
        }
        funder {
          name
        }
        recipient {
          id
          name
        }
      }
    }
  }
`);

async function main(): Promise<void> {
  const client = new HubClient(process.env.HUB_URL ?? 'http://localhost:4000/graphql', process.env.HUB_API_KEY);
  const city = process.env.CITY ?? 'Chengdu';

  // follow the cursor to the end: every organization once
  let after: string | null | undefined = null;
  let pages = 0;
  do {
    const { organizations }: OrganizationsOfACityQuery = await client.request(OrganizationsOfACity, { city, after });
    pages += 1;
    for (const organization of organizations.nodes)
      console.log(JSON.stringify({ organization: { id: organization.id, name: organization.name, kind: organization.kind } }));
    after = organizations.pageInfo.hasNextPage ? organizations.pageInfo.endCursor : null;
  } while (after);
  console.log(JSON.stringify({ pages }));

  const wanted = Number(process.env.EVENTS ?? 0);
  if (wanted === 0) return client.close();
  await new Promise<void>((resolve, reject) => {
    let seen = 0;
    const stop = client.subscribe(
      GrantsAwarded,
      { recipient: process.env.RECIPIENT ?? null },
      ({ grantAwarded }) => {
        console.log(
          JSON.stringify({
            grantAwarded: { eventId: grantAwarded.eventId, title: grantAwarded.grant?.title, amount: grantAwarded.grant?.amountAwarded.amount },
          }),
        );
        if (++seen === wanted) {
          stop();
          resolve();
        }
      },
      reject,
    );
    console.log(JSON.stringify({ subscribed: true }));
  });
  await client.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
