import { StringDecoder } from 'node:string_decoder';
import { JsonSyntaxError } from './exact-json';

/** One element of a 360Giving package's `grants` array, as JSON text, with its place (1-based). */
export interface GrantText {
  row: number;
  text: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Finds the elements of the top-level `grants` array in a JSON text fed in chunks, without
 * holding the whole file: a 360Giving package may be hundreds of megabytes. Only the nesting
 * and strings are tracked here; each element is parsed on its own afterwards, so a malformed
 * grant rejects that row and not the file.
 */
export class GrantArrayScanner {
  private readonly stack: number[] = [];
  private inString = false;
  private escaped = false;
  private expectKey = false;
  private keyParts: string[] | undefined;
  private lastKey: string | undefined;
  private inGrants = false;
  private sawGrants = false;
  private sawTop = false;
  private capturing: 'container' | 'primitive' | 'string' | undefined;
  private parts: string[] = [];
  private rows = 0;
  private consumed = 0;

  /** Why the text stopped being readable; the grants found before it are still returned. */
  failure: JsonSyntaxError | undefined;

  feed(chunk: string): GrantText[] {
    const found: GrantText[] = [];
    if (this.failure) return found;
    try {
      this.scan(chunk, found);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      this.failure = error;
    }
    return found;
  }

  private scan(chunk: string, found: GrantText[]): void {
    let start = this.capturing ? 0 : -1;
    let keyStart = this.keyParts ? 0 : -1;
    const emit = (end: number) => {
      this.parts.push(chunk.slice(start, end));
      found.push({ row: ++this.rows, text: this.parts.join('').trim() });
      this.parts = [];
      this.capturing = undefined;
      start = -1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) {
          this.inString = false;
          if (this.keyParts) {
            this.keyParts.push(chunk.slice(keyStart, i + 1));
            this.lastKey = JSON.parse(this.keyParts.join('')) as string;
            this.keyParts = undefined;
            keyStart = -1;
          }
          if (this.capturing === 'string') this.capturing = 'primitive';
        }
        continue;
      }
      if (isWhitespace(code)) continue;
      const char = chunk[i];
      const depth = this.stack.length;
      const atElement = this.inGrants && depth === 2 && !this.capturing;
      if (char === '"') {
        this.inString = true;
        if (depth === 1 && this.expectKey) {
          this.keyParts = [];
          keyStart = i;
        } else if (atElement) {
          this.capturing = 'string';
          start = i;
        }
      } else if (char === '{' || char === '[') {
        if (depth === 0) {
          if (char !== '{' || this.sawTop) {
            throw new JsonSyntaxError(
              `a 360Giving package is one JSON object with a "grants" array (found ${JSON.stringify(char)} at character ${this.consumed + i + 1})`,
            );
          }
          this.sawTop = true;
        }
        if (atElement) {
          this.capturing = 'container';
          start = i;
        }
        this.stack.push(code);
        if (depth === 0) this.expectKey = true;
        if (depth === 1 && char === '[' && this.lastKey === 'grants') {
          this.inGrants = true;
          this.sawGrants = true;
        }
      } else if (char === '}' || char === ']') {
        const open = this.stack.pop();
        if (open === undefined || (char === '}') !== (open === 0x7b)) {
          throw new JsonSyntaxError(`unbalanced ${JSON.stringify(char)} at character ${this.consumed + i + 1}`);
        }
        if (this.stack.length === 2 && this.capturing === 'container') emit(i + 1);
        else if (this.stack.length === 1 && this.inGrants) {
          if (this.capturing === 'primitive') emit(i);
          this.inGrants = false;
        }
      } else if (char === ',') {
        if (depth === 2 && this.inGrants && this.capturing === 'primitive') emit(i);
        if (depth === 1) this.expectKey = true;
      } else if (char === ':') {
        if (depth === 1) this.expectKey = false;
      } else if (atElement) {
        this.capturing = 'primitive';
        start = i;
      }
    }
    if (this.capturing) this.parts.push(chunk.slice(start));
    if (this.keyParts) this.keyParts.push(chunk.slice(keyStart));
    this.consumed += chunk.length;
  }

  /** Checks that the text ended where the JSON does. */
  end(): void {
    if (this.failure) throw this.failure;
    if (this.stack.length || this.inString) throw new JsonSyntaxError('the file ends before its JSON does (is it cut short?)');
    if (!this.sawGrants) throw new JsonSyntaxError('no "grants" array: a 360Giving package is {"grants": [...]}');
  }
}

/** Reads the grants of a 360Giving package from a byte stream, a batch per chunk read. */
export async function* readGrantTexts(source: AsyncIterable<Buffer | string>, onBytes?: (bytes: number) => void): AsyncGenerator<GrantText[]> {
  const decoder = new StringDecoder('utf8');
  const scanner = new GrantArrayScanner();
  let bytes = 0;
  let first = true;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    const grants = scanner.feed(text);
    onBytes?.(bytes);
    if (grants.length) yield grants;
    if (scanner.failure) throw scanner.failure;
  }
  const rest = scanner.feed(decoder.end());
  if (rest.length) yield rest;
  scanner.end();
}
