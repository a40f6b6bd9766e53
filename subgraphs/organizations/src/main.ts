import '@ngo-hub/kit/compile-cache';
import { runSubgraphCli } from '@ngo-hub/kit';
import { organizationsSubgraph } from './index';

void runSubgraphCli(organizationsSubgraph);
