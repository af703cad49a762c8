import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../server/config';
import {
  formatCalendarDate,
  formatClinicDay,
  formatCsvDay,
  formatDateTime,
  formatDay,
  formatHourRange,
  formatTime,
  hourInZone,
} from '../../common/clinic-format';

/**
 * One date and time formatter (issue 19): every staff screen, the server's pages, presenters and templates, and the
 * CSV exports format dates through common/clinic-format.ts. This test reads their source and fails on any other
 * way of writing a date or a time: the browser's or luxon's own formatting, Intl.DateTimeFormat outside the
 * formatter, the machine's local-time getters, or a clock time put together by hand ("09" + ":" + "05").
 */
const HAND_MADE = [
  { what: 'toLocaleString / toLocaleDateString / toLocaleTimeString', re: /\.toLocale(?:Date|Time)?String\(/ },
  { what: 'Intl.DateTimeFormat outside the formatter', re: /\bIntl\.DateTimeFormat\b/ },
  { what: "luxon's toFormat / toLocaleString", re: /\.toFormat\(|DateTime\.(?:DATE|TIME)_/ },
  { what: "a local-time getter (the machine's zone, not the clinic's)", re: /\.get(?:Hours|Minutes|Date|Day|Month|FullYear)\(\)/ },
  { what: 'a clock time built with padStart', re: /padStart\(2,\s*'0'\)\}?\s*(?:\+\s*)?[`'"]?:/ },
  { what: 'a clock time built in a template', re: /\$\{[^}]+\}:[0-5]\d(?!\d)/ },
  { what: 'a Handlebars date helper', re: /\{\{\s*(?:formatDate|date|moment|time)\s+[^}]+\}\}/ },
];

/** The formatter itself: the only files allowed to call Intl.DateTimeFormat. */
const FORMATTER = new Set(['common/clinic-format.ts']);

/** Every hand-made date format in `source`, as "line: what". */
function handMadeFormats(source: string): string[] {
  return source.split('\n').flatMap((line, i) => HAND_MADE.filter(({ re }) => re.test(line)).map(({ what }) => `${i + 1}: ${what}`));
}

function filesUnder(dir: string, exts: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'data' ? [] : filesUnder(full, exts);
    return exts.some((ext) => entry.name.endsWith(ext)) ? [full] : [];
  });
}

describe('one date and time formatter', () => {
  it('finds each kind of hand-made date or time in a sample', () => {
    const sample = [
      "new Date(iso).toLocaleTimeString([], { hour: '2-digit' })",
      'new Date(at).toLocaleString()',
      "new Intl.DateTimeFormat('en-US').format(d)",
      "DateTime.fromJSDate(d).toFormat('HH:mm')",
      'const h = new Date().getHours();',
      "`${String(h).padStart(2, '0')}:${m}`",
      '`${hh}:00`',
      '<p>{{formatDate signedAt}}</p>',
    ].join('\n');
    expect(handMadeFormats(sample).map((hit) => hit.split(':')[0])).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(handMadeFormats('const n = `${count} min`; formatTime(iso); `${a}: ${b}`; x.padStart(2, "0")')).to.deep.equal([]);
  });

  it('is the only way the staff panel, the patient screens, the server and its templates write a date or a time', () => {
    const files = [
      ...filesUnder(path.join(ROOT_DIR, 'admin', 'src'), ['.ts']),
      ...filesUnder(path.join(ROOT_DIR, 'server'), ['.ts', '.hbs']),
      // common/ (the browsers' shared code and the patient texts included) and the patient screens: the kiosk, the
      // TV display, /book and the phone ticket page format in the patient's language, through the same functions.
      ...filesUnder(path.join(ROOT_DIR, 'common'), ['.ts']),
      ...['kiosk', 'display', 'book', 'ticket'].flatMap((app) => filesUnder(path.join(ROOT_DIR, app), ['.ts'])),
    ];
    // A sanity check on the scan: the screens, the presenters and the print templates are all read.
    const names = files.map((f) => path.relative(ROOT_DIR, f).split(path.sep).join('/'));
    expect(names).to.include.members(['admin/src/desk/mq-desk-arrivals.ts', 'server/presenters/records.ts', 'server/views/prescription.hbs', 'server/views/ticket-print.hbs', 'kiosk/src/locale.ts', 'common/web/clock-controller.ts']);
    const found = names
      .filter((name) => !FORMATTER.has(name))
      .flatMap((name) => handMadeFormats(readFileSync(path.join(ROOT_DIR, name), 'utf8')).map((hit) => `${name}:${hit}`));
    expect(found, 'format dates with common/clinic-format.ts (admin/src/shared/clinic-format.ts in the panel)').to.deep.equal([]);
  });

  it('writes the shapes the screens and print pages share, in the clinic zone', () => {
    const at = new Date('2026-07-15T08:41:00Z'); // 09:41 in London (British Summer Time)
    expect(formatTime(at, 'Europe/London')).to.equal('09:41');
    expect(formatDateTime(at, 'Europe/London')).to.equal('15 Jul 2026, 09:41');
    expect(formatDateTime(at, 'America/New_York')).to.equal('15 Jul 2026, 04:41');
    expect(formatClinicDay('2026-07-15')).to.equal('Wed 15 Jul 2026');
    expect(formatDay('2026-07-15', 'long')).to.equal('Wednesday 15 July 2026');
    expect(formatDay('2026-07-15', 'short')).to.equal('Wed 15 Jul');
    expect(formatCalendarDate('1980-03-01')).to.equal('1 Mar 1980');
    expect(formatHourRange(9)).to.equal('09:00–09:59');
    expect(formatCsvDay('2026-07-15')).to.equal('2026-07-15');
    expect(hourInZone(new Date('2026-07-15T23:30:00Z'), 'Asia/Kolkata')).to.equal(5);
    expect(formatTime(new Date('2026-07-15T00:05:00Z'), 'UTC')).to.equal('00:05');
  });
});
