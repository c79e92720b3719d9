// Streaming input for exports: raw bytes to physical lines (with a length limit that never
// buffers a runaway line), and physical lines to CSV records (RFC 4180: a header row, quoted
// fields, "" escapes, commas and line breaks inside quotes, CRLF). Plus the CSV writer.

const NEWLINE = 0x0a;
const BOM = [0xef, 0xbb, 0xbf] as const;

/** One physical line: its bytes without the "\n" (a "\r" before it is kept), or null when it was over the limit. */
export type LineHandler = (bytes: Buffer | null, number: number) => void;

/**
 * Cuts a byte stream into lines. A line longer than `maxBytes` is reported as null and its
 * bytes are dropped as they arrive, so memory stays bounded whatever the input holds.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partsLength = 0;
  private skipping = false;
  private number = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly onLine: LineHandler,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.finish(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** Emits the last line when the input does not end with a line break. */
  end(): void {
    if (this.partsLength > 0 || this.skipping) this.finish(Buffer.alloc(0));
  }

  private keep(piece: Buffer): void {
    if (this.skipping) return;
    if (this.partsLength + piece.length > this.maxBytes) {
      this.skipping = true;
      this.parts = [];
      this.partsLength = 0;
      return;
    }
    // Copied: a stream may reuse the memory behind a chunk once we return.
    this.parts.push(Buffer.from(piece));
    this.partsLength += piece.length;
  }

  private finish(tail: Buffer): void {
    this.number++;
    if (this.skipping || this.partsLength + tail.length > this.maxBytes) {
      this.skipping = false;
      this.parts = [];
      this.partsLength = 0;
      this.onLine(null, this.number);
      return;
    }
    let line = tail;
    if (this.parts.length > 0) {
      line = Buffer.concat([...this.parts, tail], this.partsLength + tail.length);
      this.parts = [];
      this.partsLength = 0;
    }
    // The BOM some tools (Excel among them) put before the first line is not part of the data.
    if (this.number === 1 && line[0] === BOM[0] && line[1] === BOM[1] && line[2] === BOM[2]) line = line.subarray(3);
    this.onLine(line, this.number);
  }
}

/**
 * Assembles CSV records from physical lines. A record whose quoted field holds a line break
 * spans several lines; `push` returns null until the record is complete.
 */
export class CsvReader {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private size = 0;

  constructor(private readonly delimiter = ',') {}

  /** true while a quoted field is still open, waiting for its closing quote on a later line. */
  get open(): boolean {
    return this.inQuotes;
  }

  /** Characters held for the open record: lets the caller cap a record that never closes. */
  get pendingSize(): number {
    return this.size;
  }

  /** Forgets a half-read record (after its error was reported). */
  reset(): void {
    this.fields = [];
    this.field = '';
    this.inQuotes = false;
    this.size = 0;
  }

  /** Feeds one physical line without its "\n"; returns the record's fields once it is complete. */
  push(line: string): string[] | null {
    const d = this.delimiter;
    // A "\r" at the end is the line ending of a CRLF file, unless it sits inside an open quote.
    let end = line.length;
    const crlf = end > 0 && line.charCodeAt(end - 1) === 13;
    if (crlf) end--;
    if (!this.inQuotes && line.indexOf('"') === -1) {
      // The common case: no quotes at all.
      return line.slice(0, end).split(d);
    }
    let i = 0;
    if (this.inQuotes) {
      this.field += '\n';
    } else {
      this.field = '';
    }
    for (;;) {
      if (this.inQuotes) {
        const quote = line.indexOf('"', i);
        if (quote === -1 || quote >= end) {
          // The field goes on past this line; the "\r" belongs to it.
          this.field += line.slice(i);
          this.size += line.length + 1;
          return null;
        }
        this.field += line.slice(i, quote);
        if (line.charCodeAt(quote + 1) === 34 && quote + 1 < end) {
          this.field += '"';
          i = quote + 2;
        } else {
          this.inQuotes = false;
          i = quote + 1;
        }
        continue;
      }
      if (i < end && line.charCodeAt(i) === 34 && this.field === '') {
        this.inQuotes = true;
        i++;
        continue;
      }
      // Unquoted text, or stray text after a closing quote: taken as it stands.
      const next = line.indexOf(d, i);
      if (next === -1 || next >= end) {
        this.fields.push(this.field + line.slice(i, end));
        const record = this.fields;
        this.reset();
        return record;
      }
      this.fields.push(this.field + line.slice(i, next));
      this.field = '';
      i = next + d.length;
    }
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as CSV: quoted (with "" for ") only when it has to be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV row, ending in "\n". */
export function csvRow(values: readonly string[]): string {
  let row = '';
  for (let i = 0; i < values.length; i++) row += (i === 0 ? '' : ',') + csvField(values[i]!);
  return `${row}\n`;
}
