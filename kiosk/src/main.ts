/** Entry point of the check-in kiosk (/kiosk). */
import { lockDownKiosk } from './lockdown';
import './mq-kiosk-app';

lockDownKiosk();
