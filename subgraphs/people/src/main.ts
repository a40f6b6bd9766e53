import '@ngo-hub/kit/compile-cache';
import { runSubgraphCli } from '@ngo-hub/kit';
import { peopleSubgraph } from './index';

void runSubgraphCli(peopleSubgraph);
