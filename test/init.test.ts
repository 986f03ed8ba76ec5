/**
 * `upfront init`: an owner who has never seen YAML answers questions and gets a policy
 * file that explains itself, passes `check` and builds. The questionnaire is driven by
 * scripted answers (as an owner would type them), by --yes, and once through a real
 * pseudo-terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvModule from 'ajv';
import { parse, parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { createPolicy, suggestedAnswers, type Prompter } from '../src/init/index.js';
import { root, templatesDir } from './support/paths.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'upfront-init-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

type Answer = string | boolean | string[];

interface Script extends Prompter {
  /** Every question asked, by id, in order. */
  asked: string[];
  /** Answers the questionnaire refused, with what it said. */
  refused: Array<{ id: string; answer: string; message: string }>;
}

/**
 * Answers as an owner would type them. A list of answers for one id is used in turn:
 * for a question asked several times, or for a refused answer followed by a good one.
 * Questions without a scripted answer take the suggestion, as pressing Enter does.
 */
function scripted(answers: Record<string, Answer | Answer[]>): Script {
  // A list of choices (multiselect) is written as a list inside the list: [['by_mail', 'in_store']].
  const queue = new Map(Object.entries(answers).map(([id, a]) => [id, Array.isArray(a) ? [...a] : [a]]));
  const next = (id: string): Answer | undefined => queue.get(id)?.shift();
  const script: Script = {
    asked: [],
    refused: [],
    intro: () => undefined,
    async text(q) {
      script.asked.push(q.id);
      for (;;) {
        const answer = next(q.id);
        if (answer === undefined) {
          const problem = q.validate('');
          if (problem) throw new Error(`The suggestion for ${q.id} is refused: ${problem}`);
          return q.defaultValue;
        }
        const problem = q.validate(String(answer));
        if (!problem) return String(answer);
        script.refused.push({ id: q.id, answer: String(answer), message: problem });
      }
    },
    async confirm(q) {
      script.asked.push(q.id);
      const answer = next(q.id);
      return typeof answer === 'boolean' ? answer : q.defaultValue;
    },
    async select(q) {
      script.asked.push(q.id);
      const answer = next(q.id);
      if (answer === undefined) return q.defaultValue;
      const choice = q.choices.find((c) => c.value === answer);
      if (!choice) throw new Error(`${String(answer)} is not a choice of ${q.id}`);
      return choice.value;
    },
    async multiselect(q) {
      script.asked.push(q.id);
      const answer = next(q.id);
      if (answer === undefined) return q.defaultValue;
      return q.choices.filter((c) => (answer as string[]).includes(c.value)).map((c) => c.value);
    },
  };
  return script;
}

const situation = { today: '2026-11-24', timeZone: 'America/Chicago', locale: 'en-US', templates: templatesDir };

function upfront(args: string[], cwd: string, input?: string) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/upfront.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...(input !== undefined ? { input } : {}) });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `check` and `build` on a folder holding only the new file, as the owner would run them. */
function checkAndBuild(work: string) {
  const check = upfront(['check', '--templates', templatesDir], work);
  const build = upfront(['build', '--templates', templatesDir], work);
  return { check, build };
}

const Ajv = AjvModule.default;
const editorSchema = new Ajv({ strict: true, formats: { email: true, uri: true } }).compile(JSON.parse(readFileSync(path.join(root, 'schema/policy.schema.json'), 'utf8')) as object);
const questionsWording = (parse(readFileSync(path.join(templatesDir, 'en/init/questions.yaml'), 'utf8')) as { questions: Record<string, unknown> }).questions;
const allAsked = new Set<string>();

describe('init for a ceramics studio that takes returns and ships to Canada', async () => {
  const work = path.join(temp, 'hollow-oak');
  const script = scripted({
    'shop.name': 'Hollow Oak Ceramics',
    'shop.website': 'https://hollowoak.example',
    'shop.support_email': ['studio at hollowoak', 'studio@hollowoak.example'],
    'shop.sells_to': 'us, ca',
    'shop.phone': '+1 503 555 0199',
    add_address: true,
    'shop.address.street': '2210 NE Alberta St',
    'shop.address.city': 'Portland',
    'shop.address.region': 'OR',
    'shop.address.postal_code': '97211',
    'shop.reply_within_hours': ['a day', '1.5', '500', '24'],
    'returns.window_days': ['0', '60'],
    'returns.methods': [['by_mail', 'in_store']],
    'returns.return_shipping': 'flat_fee',
    'returns.return_shipping_fee': '6.50',
    add_restocking_fee: true,
    restocking_fee_kind: 'percent',
    'returns.restocking_fee.percent': '10',
    'returns.exchanges': false,
    'returns.how_to_start': 'online_form',
    'returns.return_form_url': 'https://hollowoak.example/returns',
    add_final_sale: true,
    'returns.final_sale.item': ['Seconds and studio samples', 'Custom glaze commissions'],
    'returns.final_sale.reason': ['clearance', 'personalised'],
    more_final_sale: [true, false],
    'refunds.method': 'customer_choice',
    'refunds.processing_days': '7',
    'refunds.original_shipping_refunded': true,
    'damaged.report_within_days': '30',
    'damaged.remedy': 'replace',
    'damaged.return_shipping': 'shop_pays',
    'cancellations.allowed': 'within_hours',
    'cancellations.within_hours': '24',
    makes_to_order: true,
    'shipping.processing_days.min': '2',
    'shipping.processing_days.max': ['1', '5'],
    add_cutoff: true,
    'shipping.cutoff.time': ['2pm', '13:00'],
    'shipping.cutoff.time_zone': 'America/Los_Angeles',
    'shipping.zones.services.name': ['Ground', 'Express', 'International'],
    'shipping.zones.services.price': ['$8.50', '8.50', '24', '22'],
    'shipping.zones.services.free_over': ['5', '120', '', ''],
    'shipping.zones.services.transit_days.min': ['3', '1', '7'],
    'shipping.zones.services.transit_days.max': ['7', '2', '14'],
    more_services: [true, false, false],
    'shipping.zones.countries': ['US', 'US, CA', ''],
    'shipping.po_boxes': false,
    'shipping.lost_packages.wait_days': '10',
    'shipping.lost_packages.remedy': 'reship',
  });
  const result = await createPolicy({ prompter: script, policies: path.join(work, 'policies'), cwd: work, ...situation });
  const text = readFileSync(path.join(work, 'policies/hollow-oak-ceramics.yaml'), 'utf8');
  script.asked.forEach((id) => allAsked.add(id));

  it('suggests the file name from the shop name and writes it under policies/', () => {
    expect(result.file).toBe('policies/hollow-oak-ceramics.yaml');
    expect(result.findings).toEqual([]);
  });

  it('refuses answers check would refuse, at the question, in plain words', () => {
    expect(script.refused).toEqual([
      { id: 'shop.support_email', answer: 'studio at hollowoak', message: 'Write an email address, like hello@myshop.com.' },
      { id: 'shop.reply_within_hours', answer: 'a day', message: 'Write a number, like 48.' },
      { id: 'shop.reply_within_hours', answer: '1.5', message: 'Write a whole number, like 48.' },
      { id: 'shop.reply_within_hours', answer: '500', message: 'Write a number from 1 to 336.' },
      { id: 'returns.window_days', answer: '0', message: 'Write a number of at least 1.' },
      { id: 'shipping.processing_days.max', answer: '1', message: 'Write a number of at least 2, the smallest number of days.' },
      { id: 'shipping.cutoff.time', answer: '2pm', message: 'This needs a time written HH:MM on a 24-hour clock, like 14:00.' },
      { id: 'shipping.zones.services.price', answer: '$8.50', message: 'Write a number, like 5.95.' },
      { id: 'shipping.zones.services.free_over', answer: '5', message: 'The order value for free shipping should be more than the price, 8.5.' },
      { id: 'shipping.zones.countries', answer: 'US, CA', message: 'US is already in the zone United States.' },
    ]);
  });

  it('writes the answers, with the follow-ups that apply', () => {
    const policy = parse(text) as Record<string, Record<string, unknown>>;
    expect(policy['returns']).toMatchObject({
      window_days: 60,
      methods: ['by_mail', 'in_store'],
      return_shipping: 'flat_fee',
      return_shipping_fee: 6.5,
      restocking_fee: { percent: 10 },
      how_to_start: 'online_form',
      return_form_url: 'https://hollowoak.example/returns',
      final_sale: [
        { item: 'Seconds and studio samples', reason: 'clearance' },
        { item: 'Custom glaze commissions', reason: 'personalised' },
      ],
    });
    expect(policy['cancellations']).toEqual({ allowed: 'within_hours', within_hours: 24, made_to_order: 'until_production_starts' });
    expect((policy['shipping']!['zones'] as Array<{ name: string; countries: string[] }>).map((z) => [z.name, z.countries])).toEqual([
      ['United States', ['US']],
      ['Canada', ['CA']],
    ]);
    // Duties are asked because a zone crosses the border.
    expect(script.asked).toContain('shipping.duties');
  });

  it('starts with the line that gives editors the schema, then explains every answer', () => {
    const [first] = text.split('\n');
    const schemaPath = first!.replace('# yaml-language-server: $schema=', '');
    expect(path.resolve(work, 'policies', schemaPath)).toBe(path.join(root, 'schema/policy.schema.json'));
    expect(text).toContain('  # Days the customer has to start a return, or unlimited.\n  window_days: 60\n');
    expect(text).toContain('    # What cannot be returned, as customers would name it.\n    - item: Seconds and studio samples\n');
    expect(text).toContain('      # Why it cannot be returned. Choices: personalised, perishable, hygiene_sealed, digital, clearance, other.\n      reason: clearance\n');
    expect(text).toContain('    time: "13:00"\n');
    expect(text).toContain('  phone: "+1 503 555 0199"\n');
    expect(text).toContain('    street: 2210 NE Alberta St\n');
    expect(uncommentedKeys(text)).toEqual([]);
  });

  it('passes check and builds; the pages say what the owner answered', () => {
    const { check, build } = checkAndBuild(work);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain('1 policy file checked, no errors');
    expect(check.stderr).not.toContain('warning');
    expect(build.code, build.stderr).toBe(0);
    const product = readFileSync(path.join(work, 'dist/hollow-oak-ceramics/en/snippets/product.txt'), 'utf8');
    expect(product).toContain('Ships in 2–5 business days');
    expect(product).toContain('60 days');
    const returns = readFileSync(path.join(work, 'dist/hollow-oak-ceramics/en/returns.txt'), 'utf8');
    expect(returns).toContain('Custom glaze commissions');
    expect(returns).toContain('$6.50');
  });

  it('is accepted by the schema editors use', () => {
    expect(editorSchema(parseDocument(text).toJS())).toBe(true);
  });
});

describe('init for a print shop in Germany that takes no returns', async () => {
  const work = path.join(temp, 'tidewater');
  const script = scripted({
    'shop.support_email': 'studio@tidewater.example',
    'shop.country': 'de',
    'shop.sells_to': ['DE, AT, EU', 'DE, AT, FR'],
    'returns.accepted': false,
    'refunds.processing_days': '14',
    'cancellations.allowed': 'never',
    'shipping.processing_days.min': '3',
    'shipping.zones.services.name': ['DHL Paket', 'DHL Paket International'],
    'shipping.zones.services.price': ['4.90', '14'],
    'shipping.zones.services.free_over': ['60', ''],
    'shipping.zones.services.transit_days.min': ['1', '3'],
    'shipping.zones.name': ['Germany', 'Europe'],
  });
  const result = await createPolicy({ prompter: script, shopId: 'tidewater-prints', policies: path.join(work, 'policies'), cwd: work, ...situation });
  const text = readFileSync(path.join(work, 'policies/tidewater-prints.yaml'), 'utf8');
  const policy = parse(text) as Record<string, Record<string, unknown>>;
  script.asked.forEach((id) => allAsked.add(id));

  it('takes the name from the file name and the currency from the country', () => {
    expect(result.file).toBe('policies/tidewater-prints.yaml');
    expect(script.asked).not.toContain('shop_id');
    expect(policy['shop']).toMatchObject({ name: 'Tidewater Prints', country: 'DE', currency: 'EUR', sells_to: ['DE', 'AT', 'FR'] });
  });

  it('refuses a place code that is not a country, state or province', () => {
    expect(script.refused).toEqual([{ id: 'shop.sells_to', answer: 'DE, AT, EU', message: 'This needs a two-letter country code like US, or a state or province like US-HI or CA-QC.' }]);
  });

  it('asks no return questions when returns are not accepted', () => {
    const returnQuestions = script.asked.filter((id) => id.startsWith('returns.') || ['add_restocking_fee', 'add_final_sale', 'refunds.original_shipping_refunded'].includes(id));
    expect(returnQuestions).toEqual(['returns.accepted']);
    expect(policy['returns']).toEqual({ accepted: false });
  });

  it('suggests a second zone for the places not yet covered', () => {
    expect(policy['shipping']!['zones']).toMatchObject([
      { name: 'Germany', countries: ['DE'] },
      { name: 'Europe', countries: ['AT', 'FR'] },
    ]);
  });

  it('passes check and builds', () => {
    expect(result.findings).toEqual([]);
    const { check, build } = checkAndBuild(work);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain('1 policy file checked, no errors');
    expect(check.stderr).not.toContain('warning');
    expect(build.code, build.stderr).toBe(0);
    const product = readFileSync(path.join(work, 'dist/tidewater-prints/en/snippets/product.txt'), 'utf8');
    expect(product).toContain('€60');
    expect(uncommentedKeys(text)).toEqual([]);
    expect(editorSchema(parseDocument(text).toJS())).toBe(true);
  });
});

describe('the questions file', () => {
  it('words every question the questionnaire asked', () => {
    expect(allAsked.size).toBeGreaterThan(50);
    expect([...allAsked].filter((id) => !(id in questionsWording))).toEqual([]);
  });
});

describe('upfront init on the command line', () => {
  it('--yes writes a file from the suggestions that passes check and builds', () => {
    const work = path.join(temp, 'yes');
    mkdirSync(work);
    const run = upfront(['init', 'corner-shop', '--yes', '--templates', templatesDir], work);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('✓ Wrote policies/corner-shop.yaml.');
    const { check, build } = checkAndBuild(work);
    expect(check.code, check.stderr).toBe(0);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(path.join(work, 'dist/corner-shop/en/returns.html'))).toBe(true);
  });

  it('refuses to overwrite an existing policy file and leaves it as it was', () => {
    const work = path.join(temp, 'yes');
    const file = path.join(work, 'policies/corner-shop.yaml');
    const before = readFileSync(file, 'utf8');
    const run = upfront(['init', 'corner-shop', '--yes', '--templates', templatesDir], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('policies/corner-shop.yaml already exists; `upfront init` never overwrites a policy file.');
    expect(run.stderr).toContain('policy-exists');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a file name that cannot become a folder in dist/', () => {
    const run = upfront(['init', 'My Shop', '--yes', '--templates', templatesDir], path.join(temp, 'yes'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"My Shop" cannot be a policy file\'s name.');
    expect(existsSync(path.join(temp, 'yes/policies/My Shop.yaml'))).toBe(false);
  });

  it('without a terminal and without --yes, says how to run it and writes nothing', () => {
    const work = path.join(temp, 'no-terminal');
    mkdirSync(work);
    const run = upfront(['init', 'quiet-shop', '--templates', templatesDir], work, '');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('add --yes');
    expect(existsSync(path.join(work, 'policies'))).toBe(false);
  });

  it('in a real terminal, pressing Enter at every question gives the same file as --yes', async () => {
    const typedWork = path.join(temp, 'terminal', 'enter');
    const suggestedWork = path.join(temp, 'terminal', 'yes');
    mkdirSync(typedWork, { recursive: true });
    const command = `stty cols 120 rows 40; ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(root, 'bin/upfront.js'))} init enter-shop --templates ${JSON.stringify(templatesDir)}`;
    // util-linux `script` gives the command a pseudo-terminal, as an owner's terminal would.
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: typedWork, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'inherit'] });
      let seen = '';
      let quiet: NodeJS.Timeout | undefined;
      let enters = 0;
      // Press Enter each time the screen settles on a question; bounded, so a stuck run ends.
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        clearTimeout(quiet);
        quiet = setTimeout(() => {
          if (enters++ < 200) child.stdin.write('\r');
          else child.kill();
        }, 100);
      });
      child.on('error', reject);
      child.on('exit', () => {
        clearTimeout(quiet);
        resolve(seen);
      });
    });
    expect(output).toContain('What is your shop called?');
    expect(output).toContain('Wrote policies/enter-shop.yaml.');
    const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
    await createPolicy({ prompter: suggestedAnswers, shopId: 'enter-shop', cwd: suggestedWork, templates: templatesDir, today: '2026-11-24', timeZone, locale });
    const withoutDate = (file: string) => readFileSync(file, 'utf8').replace(/effective_date: \S+/, 'effective_date: today');
    expect(withoutDate(path.join(typedWork, 'policies/enter-shop.yaml'))).toBe(withoutDate(path.join(suggestedWork, 'policies/enter-shop.yaml')));
  });
});

/** Keys written without a comment above them (only the first item of a list is commented). */
function uncommentedKeys(text: string): string[] {
  const lines = text.split('\n');
  const seenPaths = new Set<string>();
  const missing: string[] = [];
  const stack: Array<{ indent: number; key: string }> = [];
  lines.forEach((line, i) => {
    const match = line.match(/^(\s*)(- )?([a-z_]+):/);
    if (!match) return;
    const indent = match[1]!.length + (match[2] ? 2 : 0);
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const keyPath = [...stack.map((s) => s.key), match[3]!].join('.');
    stack.push({ indent, key: match[3]! });
    if (seenPaths.has(keyPath)) return;
    seenPaths.add(keyPath);
    const previous = lines[i - 1] ?? '';
    const inFlow = /\{|\[/.test(line.slice(0, line.indexOf(match[3]!)));
    if (!inFlow && !previous.trim().startsWith('#')) missing.push(keyPath);
  });
  return missing;
}
