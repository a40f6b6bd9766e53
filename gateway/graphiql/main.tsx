import { explorerPlugin } from '@graphiql/plugin-explorer';
import '@graphiql/plugin-explorer/style.css';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples';
import { hubFetcher } from './fetcher';

const url = new URL('/graphql', window.location.href).toString();
const explorer = explorerPlugin();

/** Shown when the hub refuses anonymous introspection (production): the docs pane would be empty. */
function SignInHint({ message }: { message: string }) {
  return (
    <div className="hub-sign-in" role="alert">
      <strong>Sign in to see the schema.</strong> {message} Open <em>Headers</em> below the editor and add <code>{'{"x-api-key": "<your key>"}'}</code> or{' '}
      <code>{'{"authorization": "Bearer <JWT>"}'}</code>, then re-fetch the schema (Shift-Ctrl-R). Subscriptions use the same headers.
    </div>
  );
}

function HubGraphiQL() {
  const [refusal, setRefusal] = useState<string | undefined>();
  const fetcher = useMemo(() => hubFetcher(url, setRefusal), []);
  return (
    <div className="hub-graphiql">
      {refusal !== undefined && <SignInHint message={refusal} />}
      <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLES} defaultEditorToolsVisibility="variables" plugins={[explorer]} />
    </div>
  );
}

createRoot(document.getElementById('graphiql')!).render(<HubGraphiQL />);
