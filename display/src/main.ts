/** Entry point of the waiting-room TV display (/display). Kept tiny: the display's budget is 30 KB gzipped. */
import './mq-display-app';
