/** Entry point of the patient dashboard (/me): a patient's own appointments, visits and details, on their phone. */
import './mq-patient-dashboard';
