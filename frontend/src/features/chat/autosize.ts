/** The composer grows with what is typed, up to this many lines, then scrolls. */
export const COMPOSER_MAX_LINES = 6;

/**
 * The height of a border-box textarea showing `scrollHeight` (content and padding) with at
 * most `maxLines` lines, and whether the rest must scroll.
 */
export function composerHeight(
  box: { scrollHeight: number; lineHeight: number; padding: number; border: number },
  maxLines = COMPOSER_MAX_LINES,
) {
  const max = box.lineHeight * maxLines + box.padding;
  return {
    height: Math.min(box.scrollHeight, max) + box.border,
    scrolls: box.scrollHeight > max,
  };
}

/** Sizes the textarea to its text (a long line that wraps counts, not only newlines). */
export function fitTextarea(el: HTMLTextAreaElement) {
  const style = getComputedStyle(el);
  const px = (value: string) => parseFloat(value) || 0;
  el.style.height = 'auto';
  const { height, scrolls } = composerHeight({
    scrollHeight: el.scrollHeight,
    lineHeight: px(style.lineHeight) || px(style.fontSize) * 1.5,
    padding: px(style.paddingTop) + px(style.paddingBottom),
    border: px(style.borderTopWidth) + px(style.borderBottomWidth),
  });
  el.style.height = `${height}px`;
  el.style.overflowY = scrolls ? 'auto' : 'hidden';
}
