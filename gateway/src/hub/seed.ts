import '@ngo-hub/kit/compile-cache';
import { runForAllSubgraphs } from './migrate';

/** `npm run seed`: migrate, then load the seed sector (idempotent: nothing is duplicated). */
runForAllSubgraphs(['migrate', 'seed']).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
