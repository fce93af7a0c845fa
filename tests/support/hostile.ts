/** Hostile text for quotes and notes (issue 16): exported Markdown, rendered with raw HTML on, must show it as text. */
export const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<iframe src="javascript:window.__pwned = 3"></iframe>',
  '# Not a heading',
  '---',
  '=',
  '&lt;b&gt; stays an entity, not a tag',
] as const;
