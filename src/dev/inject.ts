/**
 * What the preview adds to a page on its way to the browser, never to the files in
 * dist/: a few lines of script that reload the page after each rebuild, and the
 * overlay that shows the current mistakes above the last good page.
 */

/** The path the reload script listens on (Server-Sent Events). */
export const eventsPath = '/__upfront/events';

// Reloads on every rebuild, good or bad: the server decides whether the page carries
// the overlay, so the script needs no state of its own.
const reloadScript = `<script data-upfront-dev>new EventSource(${JSON.stringify(eventsPath)}).addEventListener("reload", () => location.reload());</script>`;

/**
 * A served HTML page with the reload script, and the overlay when there are mistakes.
 * @param html the page as rendered
 * @param overlay the overlay's markup, or undefined when everything builds
 */
export function injectDevTools(html: string, overlay: string | undefined): string {
  let page = html;
  if (overlay) {
    const bodyOpen = page.match(/<body\b[^>]*>/i);
    page = bodyOpen ? page.replace(bodyOpen[0], `${bodyOpen[0]}\n${overlay}`) : `${overlay}\n${page}`;
  }
  const bodyClose = page.lastIndexOf('</body>');
  return bodyClose === -1 ? `${page}\n${reloadScript}\n` : `${page.slice(0, bodyClose)}${reloadScript}\n${page.slice(bodyClose)}`;
}
