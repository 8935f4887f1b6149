import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { validateXML } from 'xmllint-wasm';
import { STANDARDS_DIR } from './standards.js';

/**
 * The IATI Activity Standard 2.03 as IATI publishes it: the XSD, the codelists with the mapping
 * of each attribute to its list, and the machine-readable rulesets, applied to a file as IATI's
 * own validator would (the rules needing IATI's registry of organisation identifiers aside).
 */

export const IATI_DIR = path.join(STANDARDS_DIR, 'iati');

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Errors of the official 2.03 activity schema for a file (libxml2, compiled to WebAssembly). */
export async function officialSchemaErrors(xml: string): Promise<string[]> {
  const schema = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(IATI_DIR, name), 'utf8') });
  const result = await validateXML({ xml: [{ fileName: 'activities.xml', contents: xml }], schema: [schema('iati-activities-schema.xsd')], preload: [schema('iati-common.xsd'), schema('xml.xsd')] });
  return result.errors.map((e) => e.rawMessage);
}

function parse(xml: string) {
  const { window } = new JSDOM(xml, { contentType: 'application/xml' });
  const document = window.document;
  const resolver = (prefix: string | null) => (prefix === 'xml' ? XML_NAMESPACE : null);
  const nodes = (expression: string, context: Node): Node[] => {
    const result = document.evaluate(expression, context, resolver, window.XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return Array.from({ length: result.snapshotLength }, (_, i) => result.snapshotItem(i) as Node);
  };
  const truth = (expression: string, context: Node) => document.evaluate(`boolean(${expression})`, context, resolver, window.XPathResult.BOOLEAN_TYPE, null).booleanValue;
  const values = (expression: string, context: Node) => nodes(expression, context).map((n) => n.textContent ?? '');
  return { document, nodes, truth, values };
}

interface Codelist {
  complete?: boolean;
  items: { code: string; status?: string }[];
}

/** Every coded value in the file that is not in its codelist (as mapping.xml assigns them), or is withdrawn. */
export function codelistProblems(xml: string): string[] {
  const lists = JSON.parse(fs.readFileSync(path.join(IATI_DIR, 'codelists', 'iati-codelists.en.json'), 'utf8')) as Record<string, Codelist>;
  const mapping = new JSDOM(fs.readFileSync(path.join(IATI_DIR, 'codelists', 'mapping.xml'), 'utf8'), { contentType: 'application/xml' }).window.document;
  const file = parse(xml);
  const problems: string[] = [];
  for (const entry of mapping.querySelectorAll('mapping')) {
    const where = entry.querySelector('path')?.textContent ?? '';
    const name = entry.querySelector('codelist')?.getAttribute('ref') ?? '';
    const condition = entry.querySelector('condition')?.textContent;
    const found = file.nodes(where, file.document).filter((node) => !condition || file.truth(condition, (node as Attr).ownerElement ?? node));
    if (found.length === 0) continue;
    const list = lists[name];
    if (!list) {
      problems.push(`${where} uses the ${name} codelist, which the standards copy does not hold`);
      continue;
    }
    for (const node of found) {
      const item = list.items.find((i) => i.code === node.textContent);
      if (!item) problems.push(`${where} = ${node.textContent} is not in ${name}`);
      else if (item.status === 'withdrawn') problems.push(`${where} = ${node.textContent} is withdrawn from ${name}`);
    }
  }
  return problems;
}

interface RuleCase {
  idCondition?: string;
  condition?: string;
  paths?: string[];
  prefix?: string[];
  separator?: string;
  regex?: string;
  less?: string;
  more?: string;
  date?: string;
  start?: string;
  end?: string;
  sum?: number;
  min?: number;
  max?: number;
  one?: string;
  all?: string;
  if?: string;
  then?: string;
  foreach?: string;
  do?: Record<string, { cases: RuleCase[] }>;
  ruleInfo?: { id: string; message: string };
}

/**
 * The IATI rulesets (rulesets/standard.json) over a file: each broken rule with its id and the
 * activity it is broken in. Rules conditioned on IATI's registry of organisation identifiers
 * (idCondition) need that registry and are left to IATI's own validator.
 */
export function rulesetProblems(xml: string, now: string): string[] {
  const rulesets = JSON.parse(fs.readFileSync(path.join(IATI_DIR, 'rulesets', 'standard.json'), 'utf8')) as Record<string, Record<string, { cases: RuleCase[] }>>;
  const file = parse(xml);
  const problems: string[] = [];
  const day = (value: string | undefined) => (value === 'NOW' ? now : value?.slice(0, 10));

  function check(type: string, c: RuleCase, context: Node, where: string): void {
    if (c.idCondition) return;
    if (c.condition && !file.truth(c.condition, context)) return;
    const values = (c.paths ?? []).flatMap((p) => file.values(p, context));
    const fail = () => problems.push(`${where}: ${c.ruleInfo?.id ?? type} ${c.ruleInfo?.message ?? ''}`);
    const first = (expression: string | undefined) => (expression === 'NOW' ? now : expression ? day(file.values(expression, context)[0]) : undefined);
    switch (type) {
      case 'atleast_one':
        if (values.length === 0) fail();
        return;
      case 'no_more_than_one':
        if (values.length > 1) fail();
        return;
      case 'unique':
        if (new Set(values).size !== values.length) fail();
        return;
      case 'no_spaces':
        if (values.some((v) => v.trim() !== v)) fail();
        return;
      case 'regex_matches':
        if (values.some((v) => !new RegExp(c.regex ?? '').test(v))) fail();
        return;
      case 'startswith': {
        const prefixes = (c.prefix ?? []).flatMap((p) => file.values(p, context)).map((p) => `${p}${c.separator ?? ''}`);
        if (values.some((v) => !prefixes.some((p) => v.startsWith(p)))) fail();
        return;
      }
      case 'range':
        if (values.some((v) => Number(v) < (c.min ?? -Infinity) || Number(v) > (c.max ?? Infinity))) fail();
        return;
      case 'strict_sum':
        if (Math.abs(values.reduce((sum, v) => sum + Number(v), 0) - (c.sum ?? 100)) > 1e-9) fail();
        return;
      case 'date_order': {
        const [less, more] = [first(c.less), first(c.more)];
        if (less && more && less > more) fail();
        return;
      }
      case 'date_now': {
        const value = file.values(c.date ?? '', context)[0];
        if (value && value.slice(0, 10) > now) fail();
        return;
      }
      case 'between_dates': {
        const [value, start, end] = [first(c.date), first(c.start), first(c.end)];
        if (value && start && end && (value < start || value > end)) fail();
        return;
      }
      case 'time_limit': {
        const [start, end] = [first(c.start), first(c.end)];
        if (start && end && Date.parse(end) - Date.parse(start) > 365 * 86_400_000) fail();
        return;
      }
      case 'if_then':
        if (file.truth(c.if ?? 'false()', context) && !file.truth(c.then ?? 'true()', context)) fail();
        return;
      case 'one_or_all': {
        if (file.nodes(c.one ?? '', context).length > 0) return;
        const lacking = c.all === 'lang' ? './/narrative[not(@xml:lang)]' : `.//*[self::value or self::budget-line][not(@${c.all})]`;
        if (file.nodes(lacking, context).length > 0) fail();
        return;
      }
      case 'loop':
        for (const value of new Set(file.values(c.foreach ?? '', context))) {
          for (const [innerType, inner] of Object.entries(c.do ?? {})) {
            for (const innerCase of inner.cases) check(innerType, JSON.parse(JSON.stringify(innerCase).replaceAll('$1', value)) as RuleCase, context, where);
          }
        }
        return;
      default:
        problems.push(`${where}: the rule type ${type} is not known to this check`);
    }
  }

  for (const [contextPath, rules] of Object.entries(rulesets)) {
    for (const context of file.nodes(contextPath, file.document)) {
      const activity = file.values('ancestor-or-self::iati-activity/iati-identifier', context)[0] ?? contextPath;
      for (const [type, rule] of Object.entries(rules)) for (const c of rule.cases) check(type, c, context, activity);
    }
  }
  return problems;
}
