import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './package-root';

/**
 * Imported first by every entry point (servers, the hub launcher, CLIs): Node keeps the code V8
 * compiles for each module on disk and reuses it at the next start, instead of compiling the same
 * thousands of modules again (a gateway start: 1.09 against 1.23 CPU-s, 3 December 2026).
 *
 * The folder is the installation's own (node_modules/.cache of the kit), not Node's default in
 * the shared temp dir, where another user of the machine could leave code for the hub to run.
 * Where it cannot be written (the image's node_modules belong to root) there is no cache: the call
 * never throws. NODE_COMPILE_CACHE=<dir> names another folder, NODE_DISABLE_COMPILE_CACHE=1 turns
 * it off.
 */
enableCompileCache(process.env.NODE_COMPILE_CACHE ?? join(packageRoot(__dirname), 'node_modules', '.cache', 'compile-cache'));
