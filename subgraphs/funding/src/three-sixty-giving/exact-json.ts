/**
 * JSON with exact numbers. 360Giving writes amounts as JSON numbers; `JSON.parse` would turn
 * them into floats (and 1234567890123456.78 into 1234567890123456.8), so numbers are kept as
 * their decimal text, read and written as they stand.
 */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

export class JsonSyntaxError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  private position = 0;

  constructor(private readonly text: string) {}

  parse(): JsonValue {
    const value = this.value();
    this.skipWhitespace();
    if (this.position < this.text.length) this.fail('unexpected text after the value');
    return value;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(`${message} at character ${this.position + 1}`);
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.position);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
      this.position++;
    }
  }

  private value(): JsonValue {
    this.skipWhitespace();
    const char = this.text[this.position];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return value;
      }
    }
    return this.fail(char === undefined ? 'unexpected end of the text' : `unexpected ${JSON.stringify(char)}`);
  }

  private object(): { [key: string]: JsonValue } {
    const result: { [key: string]: JsonValue } = {};
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') this.fail('expected a property name');
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.position] !== ':') this.fail('expected ":"');
      this.position++;
      const value = this.value();
      // assigning "__proto__" would set the object's prototype: a key from a file stays a plain property
      if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      else result[key] = value;
      this.skipWhitespace();
      const next = this.text[this.position++];
      if (next === '}') return result;
      if (next !== ',') this.fail('expected "," or "}"');
    }
  }

  private array(): JsonValue[] {
    const result: JsonValue[] = [];
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return result;
    }
    for (;;) {
      result.push(this.value());
      this.skipWhitespace();
      const next = this.text[this.position++];
      if (next === ']') return result;
      if (next !== ',') this.fail('expected "," or "]"');
    }
  }

  private string(): string {
    const start = this.position;
    let end = start + 1;
    for (;;) {
      end = this.text.indexOf('"', end);
      if (end < 0) this.fail('unterminated string');
      let backslashes = 0;
      while (this.text[end - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) break;
      end++;
    }
    this.position = end + 1;
    const raw = this.text.slice(start, end + 1);
    // eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
    if (!raw.includes('\\') && !/[\u0000-\u001f]/.test(raw)) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      this.position = start;
      return this.fail('invalid string');
    }
  }

  private number(): JsonNumber {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    this.position = NUMBER.lastIndex;
    return new JsonNumber(match[0]);
  }
}

export function parseExactJson(text: string): JsonValue {
  return new Parser(text).parse();
}

/** A JsonNumber inside JSON.stringify: a string no grant writes, swapped for the number's text afterwards. */
const MARK = '\u0000#';
const MARKED = /"\\u0000#([-+.0-9eE]+)"/g;

/**
 * JSON text of a value; JsonNumbers are written as their decimal text, undefined properties are
 * left out. Native JSON.stringify does the work (ten times faster than walking the value here):
 * each JsonNumber is written as a marked string and unmarked after. A value whose own strings hold
 * the mark's NUL character takes the slow walk, so no string is ever read as a number.
 */
export function stringifyExactJson(value: unknown): string {
  let clash = false;
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof JsonNumber) return MARK + item.text;
    if (typeof item === 'string' && item.includes('\u0000')) clash = true;
    return item;
  });
  if (text === undefined) return 'null';
  return clash ? stringifySlowly(value) : text.replace(MARKED, '$1');
}

function stringifySlowly(value: unknown): string {
  if (value instanceof JsonNumber) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : stringifySlowly(item))).join(',')}]`;
  const fields = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${JSON.stringify(key)}:${stringifySlowly(item)}`);
  return `{${fields.join(',')}}`;
}
