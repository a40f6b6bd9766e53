import '@ngo-hub/kit/compile-cache';
import { runSubgraphCli } from '@ngo-hub/kit';
import { trainingSubgraph } from './index';

void runSubgraphCli(trainingSubgraph);
