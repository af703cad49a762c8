/** Entry point of the staff panel (/admin) for doctors, reception and administrators. */
import './shell/mq-admin-app';
