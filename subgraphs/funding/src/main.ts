import '@ngo-hub/kit/compile-cache';
import { runSubgraphCli } from '@ngo-hub/kit';
import { fundingSubgraph } from './index';

void runSubgraphCli(fundingSubgraph);
