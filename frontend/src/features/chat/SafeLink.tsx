/** The URL if it is http(s), else undefined: a chat link is user content. */
export function safeHttpUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An http(s) link opened in a new tab without access to this page; anything else as text. */
export function SafeLink({ href, className }: { href: string; className?: string }) {
  const url = safeHttpUrl(href);
  if (!url) return <span className={className}>{href}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={className}>
      {href}
    </a>
  );
}
