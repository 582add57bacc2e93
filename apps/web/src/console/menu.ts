/**
 * The console menu's entry for a page: the entry whose path is the longest whole-segment prefix of
 * the page's (/console/admin/people is People, not Admin; /console/filed is not /console/file).
 */
export function activeEntry(entries: readonly string[], path: string): string | undefined {
  return entries.filter((e) => path === e || path.startsWith(`${e}/`)).sort((a, b) => b.length - a.length)[0];
}
