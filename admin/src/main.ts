/** Entry point of the staff panel (/admin) for doctors, reception and administrators. */
import './mq-admin-app';
