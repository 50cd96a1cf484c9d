import { describe, expect, it } from 'vitest';
import { FIELDS, renderTemplate, timedSnippets, type FieldDef } from '../core/src/index';

const now = new Date('2026-11-30T16:33:20Z');
const OPTIONS = { title: 'Disk full on db-1', date: '2026-11-30', severity: 'SEV2' };

/** The keys of the front matter between the first two `---` lines, in order. */
function keys(lines: string[]): string[] {
  const end = lines.indexOf('---', 1);
  return lines
    .slice(1, end)
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.slice(0, l.indexOf(':')));
}

/** The example field of CONTRIBUTING.md's "Adding a front-matter field", after `trigger`. */
const INCIDENT_ID: FieldDef = {
  name: 'incident_id',
  kind: 'text',
  label: 'Incident',
  description: 'The id of the incident in the tracker, e.g. INC-4411.',
  expect: 'an incident id such as INC-4411',
  required: false,
  template: '""',
};
const withIncidentId: FieldDef[] = [...FIELDS];
withIncidentId.splice(FIELDS.findIndex((f) => f.name === 'trigger') + 1, 0, INCIDENT_ID);

describe('the front matter of the template and the snippet comes from FIELDS', () => {
  it('lists every field of FIELDS once, in its order, in the template and in the snippet', () => {
    const names = FIELDS.map((f) => f.name);
    expect(keys(renderTemplate(OPTIONS).split('\n'))).toEqual(names);
    expect(keys(timedSnippets({ now })['Postmortem template']!.body)).toEqual(names);
  });

  it('shows a field added to FIELDS in the template and in the snippet, with a tab stop of its own', () => {
    const template = renderTemplate({ ...OPTIONS, fields: withIncidentId }).split('\n');
    expect(keys(template)).toEqual(withIncidentId.map((f) => f.name));
    expect(template).toContain('incident_id: ""');

    const body = timedSnippets({ now }, withIncidentId)['Postmortem template']!.body;
    expect(keys(body)).toEqual(withIncidentId.map((f) => f.name));
    const line = body.find((l) => l.startsWith('incident_id:'))!;
    expect(line).toMatch(/^incident_id: "\$\{\d+\}"$/);
    // Every tab stop but the title's (repeated in the heading) is used once: the sections' stops
    // moved up to make room for the new field's.
    const stops = body
      .join('\n')
      .match(/\$\{\d+/g)!
      .map((s) => Number(s.slice(2)));
    expect(stops.filter((n) => n === 1)).toHaveLength(2);
    const rest = stops.filter((n) => n !== 1);
    expect(new Set(rest).size).toBe(rest.length);
    expect(Math.max(...rest)).toBe(rest.length + 1);
  });
});
