/** Entry point of the public booking page (/book), where patients book an appointment themselves. */
import './mq-public-booking';
