/** The CloudWatch namespace of every metric the API and the scheduled jobs publish (the alarms read it too). */
export const METRICS_NAMESPACE = 'CommunityCityServices';
