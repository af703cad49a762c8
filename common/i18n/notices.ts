import type { Language } from './languages';

/**
 * What a patient reads about notices (issue 16): the "Notify me" block of the phone ticket page, and the texts of the
 * notices themselves (web push and SMS). Apart from the per-language files because the ticket page renders the block
 * on the server and its script needs none of it. No text names the patient or says anything clinical: a lock screen
 * or a shared phone may show it.
 */
export interface NoticeTexts {
  title: string;
  lead: string;
  pushButton: string;
  smsButton: string;
  pushOn: string;
  smsOn: string;
  asking: string;
  refused: string;
  failed: string;
  /** The notice when the ticket is 3rd in line (or nearer, for a late request). */
  third: (token: string, place: number) => string;
  /** The notice when the ticket is called; `room` already in the language ("Sala 3"). */
  called: (token: string, room: string | null) => string;
}

const en: NoticeTexts = {
  title: 'Notify me',
  lead: "Tell me when I'm 3rd in line and when I'm called.",
  pushButton: 'Notify me on this phone',
  smsButton: 'Send me a text message',
  pushOn: 'Done: this phone will show a notification.',
  smsOn: 'Done: we will send you a text message.',
  asking: 'Please allow notifications when your phone asks.',
  refused: 'Notifications are turned off for this page on your phone. Keep this page open instead.',
  failed: 'That did not work. Please try again.',
  third: (token, place) => `Ticket ${token}: you are number ${place} in line. Please come back to the waiting area.`,
  called: (token, room) => (room ? `Ticket ${token}: please go to ${room} now.` : `Ticket ${token}: it is your turn now.`),
};

const es: NoticeTexts = {
  title: 'Avisarme',
  lead: 'Avisarme cuando sea el 3.º de la cola y cuando me llamen.',
  pushButton: 'Avisarme en este teléfono',
  smsButton: 'Enviarme un SMS',
  pushOn: 'Listo: este teléfono mostrará un aviso.',
  smsOn: 'Listo: le enviaremos un SMS.',
  asking: 'Permita las notificaciones cuando su teléfono lo pregunte.',
  refused: 'Las notificaciones de esta página están desactivadas en su teléfono. Mantenga esta página abierta.',
  failed: 'No ha funcionado. Inténtelo de nuevo.',
  third: (token, place) => `Turno ${token}: es el número ${place} de la cola. Vuelva a la sala de espera, por favor.`,
  called: (token, room) => (room ? `Turno ${token}: pase ahora a ${room}.` : `Turno ${token}: ya es su turno.`),
};

const ar: NoticeTexts = {
  title: 'نبّهني',
  lead: 'نبّهني عندما أصبح الثالث في الدور وعندما يُنادى رقمي.',
  pushButton: 'نبّهني على هذا الهاتف',
  smsButton: 'أرسلوا لي رسالة نصية',
  pushOn: 'تم: سيعرض هذا الهاتف تنبيهًا.',
  smsOn: 'تم: سنرسل إليك رسالة نصية.',
  asking: 'يُرجى السماح بالتنبيهات عندما يسألك هاتفك.',
  refused: 'التنبيهات متوقفة لهذه الصفحة على هاتفك. أبقِ هذه الصفحة مفتوحة بدلًا من ذلك.',
  failed: 'لم ينجح ذلك. يُرجى المحاولة مرة أخرى.',
  third: (token, place) => `التذكرة ${token}: ترتيبك ${place} في الدور. يُرجى العودة إلى منطقة الانتظار.`,
  called: (token, room) => (room ? `التذكرة ${token}: يُرجى التوجه الآن إلى ${room}.` : `التذكرة ${token}: حان دورك الآن.`),
};

/** Every language's notice texts. */
export const NOTICE_TEXTS: Record<Language, NoticeTexts> = { en, es, ar };
