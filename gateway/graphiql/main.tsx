import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createClient } from 'graphql-ws';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples';

const url = new URL('/graphql', window.location.href).toString();
const fetcher = createGraphiQLFetcher({
  url,
  wsClient: createClient({ url: url.replace(/^http/, 'ws'), lazy: true, retryAttempts: 3 }),
});

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLES} defaultEditorToolsVisibility="variables" />,
);
