import { expect } from 'chai';
import {
  addDays,
  clinicDay,
  clinicDayBounds,
  eachDay,
  isoWeekday,
  localToUtc,
} from '../../server/services/clinic-time';

const iso = (d: Date) => d.toISOString();

describe('clinic time', () => {
  describe('clinicDay', () => {
    it('is the date in the clinic zone, not in UTC, either side of local midnight', () => {
      // 23:30 UTC on 30 June is already 1 July in Berlin (UTC+2) but still 30 June in New York (UTC-4).
      const lateUtc = new Date('2026-06-30T23:30:00Z');
      expect(clinicDay(lateUtc, 'Europe/Berlin')).to.equal('2026-07-01');
      expect(clinicDay(lateUtc, 'America/New_York')).to.equal('2026-06-30');
      expect(clinicDay(lateUtc, 'UTC')).to.equal('2026-06-30');
      // New York's midnight is 04:00 UTC in summer.
      expect(clinicDay(new Date('2026-07-01T03:59:59.999Z'), 'America/New_York')).to.equal('2026-06-30');
      expect(clinicDay(new Date('2026-07-01T04:00:00.000Z'), 'America/New_York')).to.equal('2026-07-01');
      expect(clinicDay(new Date('2026-07-01T11:59:00Z'), 'Pacific/Auckland')).to.equal('2026-07-01');
      expect(clinicDay(new Date('2026-07-01T12:00:00Z'), 'Pacific/Auckland')).to.equal('2026-07-02');
    });

    it('refuses an unknown zone', () => {
      expect(() => clinicDay(new Date(), 'Mars/Olympus_Mons')).to.throw(RangeError);
    });
  });

  describe('localToUtc', () => {
    it('converts ordinary local times with the offset of that date', () => {
      expect(iso(localToUtc('2026-07-01', '09:00', 'Europe/London'))).to.equal('2026-07-01T08:00:00.000Z');
      expect(iso(localToUtc('2026-01-15', '09:00', 'Europe/London'))).to.equal('2026-01-15T09:00:00.000Z');
      expect(iso(localToUtc('2026-01-15', '09:00', 'Asia/Kolkata'))).to.equal('2026-01-15T03:30:00.000Z');
    });

    it('moves a time in the spring gap forward by the length of the gap', () => {
      // London jumps from 01:00 GMT to 02:00 BST on 2026-03-29: 01:30 does not exist and becomes 02:30 BST.
      expect(iso(localToUtc('2026-03-29', '00:59', 'Europe/London'))).to.equal('2026-03-29T00:59:00.000Z');
      expect(iso(localToUtc('2026-03-29', '01:30', 'Europe/London'))).to.equal('2026-03-29T01:30:00.000Z');
      expect(iso(localToUtc('2026-03-29', '02:00', 'Europe/London'))).to.equal('2026-03-29T01:00:00.000Z');
      // New York jumps from 02:00 EST to 03:00 EDT on 2026-03-08: 02:30 becomes 03:30 EDT.
      expect(iso(localToUtc('2026-03-08', '02:30', 'America/New_York'))).to.equal('2026-03-08T07:30:00.000Z');
    });

    it('takes the earlier instant for a time in the repeated autumn hour', () => {
      // London's 01:00-02:00 happens twice on 2026-10-25: first in BST (UTC+1), then in GMT.
      expect(iso(localToUtc('2026-10-25', '01:30', 'Europe/London'))).to.equal('2026-10-25T00:30:00.000Z');
      expect(iso(localToUtc('2026-10-25', '02:00', 'Europe/London'))).to.equal('2026-10-25T02:00:00.000Z');
      expect(iso(localToUtc('2026-11-01', '01:30', 'America/New_York'))).to.equal('2026-11-01T05:30:00.000Z');
    });

    it('refuses malformed dates and times', () => {
      expect(() => localToUtc('2026-02-30', '09:00', 'Europe/London')).to.throw(RangeError);
      expect(() => localToUtc('2026-02-03', '9:00', 'Europe/London')).to.throw(RangeError);
      expect(() => localToUtc('2026-02-03', '24:00', 'Europe/London')).to.throw(RangeError);
      expect(() => localToUtc('2026-02-03', '09:00', 'Nowhere/Town')).to.throw(RangeError);
    });
  });

  describe('day helpers', () => {
    it('give the bounds of a clinic day, 23 or 25 hours long on change days', () => {
      const spring = clinicDayBounds('2026-03-29', 'Europe/London');
      expect(iso(spring.start)).to.equal('2026-03-29T00:00:00.000Z');
      expect(iso(spring.end)).to.equal('2026-03-29T23:00:00.000Z');
      const autumn = clinicDayBounds('2026-10-25', 'Europe/London');
      expect(iso(autumn.start)).to.equal('2026-10-24T23:00:00.000Z');
      expect(iso(autumn.end)).to.equal('2026-10-26T00:00:00.000Z');
    });

    it('count days across month ends and know ISO weekdays', () => {
      expect(eachDay('2026-02-27', '2026-03-02')).to.deep.equal(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
      expect(eachDay('2026-03-02', '2026-03-01')).to.deep.equal([]);
      expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
      expect(isoWeekday('2026-03-29')).to.equal(7);
      expect(isoWeekday('2026-03-30')).to.equal(1);
    });
  });
});
