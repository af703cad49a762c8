/** Entry point of the check-in kiosk (/kiosk). */
import { lockDownKiosk } from './lockdown';
import { readSettings } from './settings';
import './mq-kiosk-app';

lockDownKiosk(document, { lockZoom: readSettings().lockZoom });
