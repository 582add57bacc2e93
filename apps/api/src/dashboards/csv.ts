import type { FastifyReply } from 'fastify';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * What a spreadsheet would evaluate (CSV injection, OWASP): a formula character (ASCII, or the
 * full-width ones a Chinese input method types) after any leading white space, or a cell that
 * starts with a tab or a line break. A leading quote makes it text.
 */
const FORMULA_START = /^(?:[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20|]|[\t\r\n])/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 with what Excel needs to read Chinese: a UTF-8 byte-order mark (without it Excel
 * guesses the local code page, GBK in China) and CRLF line ends.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export const attachment = (filename: string) => `attachment; filename="${filename}"`;

/** A CSV answer: the text, the name to save it under, and the position its figures stand at. */
export type CsvFile = Readonly<{ csv: string; filename: string; asOfPosition: number }>;

export function sendCsv(reply: FastifyReply, file: CsvFile): string {
  void reply
    .header('content-type', CSV_CONTENT_TYPE)
    .header('content-disposition', attachment(file.filename))
    .header('jinlin-as-of-position', String(file.asOfPosition));
  return file.csv;
}
