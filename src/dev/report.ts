/**
 * What the terminal says about each preview event: the findings, as `check` prints
 * them, and one line with what was rebuilt and how long it took. Pure text; cli.ts
 * writes it.
 */
import { formatFindings, type Painter } from '../errors/format.js';
import type { DevEvent } from './index.js';

/**
 * @param event a rebuild, the first build, or a bug
 * @param paint colours, or `plain`
 */
export function describeDevEvent(event: DevEvent, paint: Painter): string {
  if (event.kind === 'bug') {
    return `upfront dev hit a bug, not a mistake in your files; it keeps running. Please report it with this output:\n${event.error.stack ?? String(event.error)}\n`;
  }
  const findings = event.kind === 'rebuilt' ? event.warnings : event.findings;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const mark = errors > 0 ? paint.red('✗') : paint.green('✓');
  const outcome = errors > 0 ? '; the preview shows the mistakes over the last good pages, and dist/ is unchanged' : '';
  if (event.kind === 'ready') {
    const shops = `${event.shops} shop${event.shops === 1 ? '' : 's'}`;
    return `${formatFindings(findings, paint)}${mark} Built ${shops} in ${event.ms} ms${outcome}. Preview: ${paint.bold(event.url)} (Ctrl-C to stop)\n`;
  }
  const saved = event.cause.templates ? 'Templates changed' : `${event.cause.shops.join(', ')} changed`;
  const rendered = event.rendered.length > 0 ? `rebuilt ${event.rendered.join(', ')}` : 'nothing rebuilt';
  const published = event.kind === 'rebuilt' && event.published ? '; dist/ updated' : '';
  return `${formatFindings(findings, paint)}${mark} ${saved}: ${rendered} in ${event.ms} ms${outcome}${published}.\n`;
}
