import { Op } from 'sequelize';
import type { ReceptionAlert } from '../../../common/kiosk';
import type { Channel, ChannelMessage } from '../../../common/protocol';
import type { ReceptionArrivalsResponse } from '../../../common/reception';
import { forbidden, notFound, notSignedIn } from '../../errors';
import { Department, QueueEntry, type User } from '../../models';
import { clinicDay } from '../../services/clinic-time';
import type { RealtimeHub } from '../../realtime/hub';
import { auditChannelRead } from './channel-read';
import { systemNow } from '../../clock';

/** The one reception channel: every desk sees every department's alerts. */
export const RECEPTION_CHANNEL: Channel = 'reception:all';

/** An emergency entry as reception is told about it: token, department, and what the patient typed, if anything. */
export function presentAlert(entry: QueueEntry, department: Department): ReceptionAlert {
  return {
    kind: 'emergency',
    entryId: entry.id,
    token: entry.token,
    status: entry.status,
    department: { id: department.id, name: department.name },
    firstName: entry.firstName ?? null,
    phone: entry.contactPhone ?? null,
    checkedInAt: entry.checkedInAt.toISOString(),
  };
}

/**
 * Reception's alerts over the staff channel `reception:all` (reception and admins only; dropped when the session
 * ends). The snapshot lists today's emergency check-ins still waiting or called, so a desk that connects late still
 * sees them; each new emergency check-in at the kiosk is published as `emergency_alert`. When given `arrivals`, the
 * snapshot also carries the day's arrivals (`reception_arrivals`); the queue broadcaster publishes their changes.
 */
export class ReceptionAlerts {
  constructor(
    private readonly hub: RealtimeHub,
    private readonly timeZone: string,
    private readonly now: () => Date = systemNow,
    private readonly arrivals?: () => Promise<ReceptionArrivalsResponse>,
  ) {}

  /** Registers the `reception` channel kind on the hub. */
  register(): void {
    this.hub.registerChannel('reception', {
      authorize: (channel, user) => authorizeReception(channel, user),
      snapshot: async (channel, meta) => {
        const messages: ChannelMessage[] = [{ type: 'reception_alerts', alerts: await this.openEmergencies(), ...meta }];
        if (this.arrivals) messages.push({ type: 'reception_arrivals', ...(await this.arrivals()), ...meta });
        return messages;
      },
      // Names, phones and what patients typed: audited as GET /api/queue/today is.
      audit: auditChannelRead('queue.list_read'),
    });
  }

  /** Tells reception about an emergency check-in that has just committed. */
  emergency(entry: QueueEntry, department: Department): void {
    this.hub.publish({ type: 'emergency_alert', channel: RECEPTION_CHANNEL, alert: presentAlert(entry, department) });
  }

  /** Today's emergency entries not yet seen by a doctor, oldest first. */
  private async openEmergencies(): Promise<ReceptionAlert[]> {
    const entries = await QueueEntry.findAll({
      where: {
        priority: 'emergency',
        clinicDay: clinicDay(this.now(), this.timeZone),
        status: { [Op.in]: ['waiting', 'called'] },
      },
      include: [{ model: Department, as: 'department' }],
      order: [['checkedInAt', 'ASC']],
    });
    return entries.map((entry) => presentAlert(entry, entry.department!));
  }
}

/** Reception desks and admins only: the alerts carry what a patient typed at the kiosk. */
function authorizeReception(channel: Channel, user: User | null): void {
  if (channel !== RECEPTION_CHANNEL) throw notFound('That channel');
  if (!user) throw notSignedIn('Please sign in to see reception alerts.');
  if (user.role !== 'reception' && user.role !== 'admin') throw forbidden('Only reception and admins receive these alerts.');
}
